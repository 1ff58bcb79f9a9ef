import { createEvents, type EventAttributes } from "ics";
import { foldIcs } from "@/lib/ics-fold";

type TicketForCalendar = {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  festival: { zh: string; en: string };
  venue: { zh: string; en: string };
  ticketType: { zh: string; en: string };
};

/** An iCalendar file with one event per session the order has tickets for. */
export function orderCalendar(
  order: { code: string; tickets: TicketForCalendar[] },
  lang: "zh" | "en",
  orderUrl: string,
): string {
  const bySession = new Map<string, TicketForCalendar[]>();
  for (const t of order.tickets) bySession.set(t.sessionId, [...(bySession.get(t.sessionId) ?? []), t]);
  const events: EventAttributes[] = [...bySession].map(([sessionId, tickets]) => {
    const first = tickets[0] as TicketForCalendar;
    const kinds = [...new Set(tickets.map((t) => t.ticketType[lang]))].join(", ");
    return {
      uid: `${order.code}-${sessionId}@suoqian`,
      title: first.festival[lang],
      location: first.venue[lang],
      description: `${lang === "en" ? "Order" : "订单"} ${order.code}: ${tickets.length} × ${kinds}`,
      url: orderUrl,
      start: new Date(first.startsAt).getTime(),
      end: new Date(first.endsAt).getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      endInputType: "utc",
      endOutputType: "utc",
    };
  });
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be made");
  // Lines of at most 75 octets: the package folds by characters, too late for Chinese.
  return foldIcs(value);
}
