import { addLine, type Basket, type TicketLine } from "@/modules/basket/basket";
import type { ClientFestival } from "../../client-festival";

type Session = ClientFestival["sessions"][number];
type TicketType = ClientFestival["ticketTypes"][number];
export type Quantities = Record<string, number>;

/** How many of a ticket type may still be chosen: within its own limit, the seats left and the order's limit. */
export function maxFor(festival: ClientFestival, tt: TicketType, quantities: Quantities, seatsLeft: number): number {
  const seatsChosen = festival.ticketTypes.reduce((sum, x) => sum + (quantities[x.id] ?? 0) * x.admissions, 0);
  const ticketsChosen = Object.values(quantities).reduce((sum, q) => sum + q, 0);
  const mine = quantities[tt.id] ?? 0;
  const bySeats = Math.floor((seatsLeft - seatsChosen + mine * tt.admissions) / tt.admissions);
  const byOrder = festival.maxTicketsPerOrder - ticketsChosen + mine;
  return Math.max(0, Math.min(tt.maxPerOrder, bySeats, byOrder));
}

/** The basket with the chosen tickets of one session added, a line per ticket type. */
export function withTickets(
  basket: Basket,
  festival: ClientFestival,
  session: Session,
  quantities: Quantities,
): Basket {
  return festival.ticketTypes.reduce((next, tt) => {
    const quantity = quantities[tt.id] ?? 0;
    if (quantity === 0) return next;
    const line: TicketLine = {
      kind: "ticket",
      ticketTypeId: tt.id,
      sessionId: session.id,
      quantity,
      festival: { slug: festival.slug, name: festival.name, maxTicketsPerOrder: festival.maxTicketsPerOrder },
      ticketType: {
        name: tt.name,
        priceCents: tt.priceCents,
        currency: tt.currency,
        admissions: tt.admissions,
        maxPerOrder: tt.maxPerOrder,
      },
      session: { startsAt: session.startsAt, endsAt: session.endsAt },
    };
    return addLine(next, line);
  }, basket);
}
