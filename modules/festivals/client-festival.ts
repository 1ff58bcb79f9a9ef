import type { FestivalDto } from "./festival-queries";

/**
 * What the festival page's client components need of a festival (choosing a session and
 * tickets, the waiting list): no summary, description, venue or ticket descriptions, which
 * the server renders as HTML and would otherwise cross to the browser a second time in the
 * page's flight data.
 */
export type ClientFestival = Pick<
  FestivalDto,
  "slug" | "name" | "salesStartAt" | "salesEndAt" | "maxTicketsPerOrder" | "sessions"
> & { ticketTypes: Omit<FestivalDto["ticketTypes"][number], "description">[] };

export function toClientFestival(festival: FestivalDto): ClientFestival {
  return {
    slug: festival.slug,
    name: festival.name,
    salesStartAt: festival.salesStartAt,
    salesEndAt: festival.salesEndAt,
    maxTicketsPerOrder: festival.maxTicketsPerOrder,
    ticketTypes: festival.ticketTypes.map(({ description: _description, ...type }) => type),
    sessions: festival.sessions.map(({ id, startsAt, endsAt, capacity, label }) => ({
      id,
      startsAt,
      endsAt,
      capacity,
      label,
    })),
  };
}
