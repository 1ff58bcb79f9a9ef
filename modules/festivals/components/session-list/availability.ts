import type { ClientFestival } from "../../client-festival";

type Session = ClientFestival["sessions"][number];

/** The sessions grouped by the day the visitor reads (the server's label, else the date), in order. */
export function sessionsByDay(sessions: Session[], days: Record<string, { day: string }>): [string, Session[]][] {
  const byDay = new Map<string, Session[]>();
  for (const s of sessions) {
    const key = days[s.id]?.day ?? s.startsAt.slice(0, 10);
    byDay.set(key, [...(byDay.get(key) ?? []), s]);
  }
  return [...byDay];
}

/**
 * Which sessions can be booked or waited for, once the seats and the browser's clock are known.
 * Until then (`known` false) nothing looks unavailable: a session may be picked (it opens once its
 * seats are known), and the days and sessions keep their look when they arrive, rather than all
 * flashing from "none left" to open, each restyled as the page becomes usable.
 */
export function availability(festival: ClientFestival, remaining: Map<string, number> | null, now: Date | null) {
  const onSaleNow = now !== null && new Date(festival.salesStartAt) <= now && now < new Date(festival.salesEndAt);
  const bookable = (s: Session) =>
    onSaleNow && now !== null && new Date(s.startsAt) > now && (remaining?.get(s.id) ?? 0) > 0;
  // Sold out but still selling: the visitor may join its waiting list.
  const waitable = (s: Session) =>
    onSaleNow && now !== null && new Date(s.startsAt) > now && remaining?.get(s.id) === 0;
  const known = remaining !== null && now !== null;
  const selectable = (s: Session) => !known || bookable(s) || waitable(s);
  return { known, bookable, waitable, selectable };
}

/** How many seats a session has left, as its colour says: few is 10 or fewer, or a tenth of the session or less. */
export type SeatLevel = "none" | "few" | "many" | "unknown";

export function seatLevel(left: number | undefined, capacity: number): SeatLevel {
  if (left === undefined) return "unknown";
  if (left <= 0) return "none";
  return left <= 10 || left <= capacity / 10 ? "few" : "many";
}
