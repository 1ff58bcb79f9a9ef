import type { FestivalDto } from "./festival-queries";

type Session = FestivalDto["sessions"][number];

/** The lowest ticket price, for "¥38 起"; null without ticket types. */
export function lowestPrice(
  ticketTypes: readonly { priceCents: number; currency: string }[],
): { cents: number; currency: string } | null {
  const cheapest = [...ticketTypes].sort((a, b) => a.priceCents - b.priceCents)[0];
  return cheapest ? { cents: cheapest.priceCents, currency: cheapest.currency } : null;
}

/** Which drawn banner a festival gets (public/drawings/festival-*.svg): by its fruit, else a general one. */
export function festivalDrawing(festival: Pick<FestivalDto, "slug" | "name">): "bayberry" | "cherry" | "other" {
  const text = `${festival.slug} ${festival.name.zh} ${festival.name.en}`.toLowerCase();
  if (/bayberry|yangmei|杨梅/.test(text)) return "bayberry";
  if (/cherry|樱桃/.test(text)) return "cherry";
  return "other";
}

/** The next `count` sessions still to start. */
export function upcomingSessions(sessions: Session[], now: Date, count: number): Session[] {
  return sessions.filter((s) => new Date(s.startsAt) > now).slice(0, count);
}

/** A Suoqian date ("2027-06-12") of an instant. */
function suoqianDate(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The Saturday of the weekend a date falls in, or null on a weekday. */
function weekendSaturday(date: string): string | null {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = day.getUTCDay();
  if (weekday === 6) return date;
  if (weekday === 0) return new Date(day.getTime() - 86_400_000).toISOString().slice(0, 10);
  return null;
}

/** This week's Saturday: today on a Saturday, yesterday on a Sunday, else the coming one. */
function thisSaturday(today: string): string {
  const day = new Date(`${today}T00:00:00Z`);
  const weekday = day.getUTCDay();
  return weekendSaturday(today) ?? new Date(day.getTime() + (6 - weekday) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The weekend the seats figure is about: this one (Saturday and Sunday in Suoqian) if it
 * still has sessions to come, else the next weekend that has any. Its Saturday, its
 * sessions' ids, and whether it is this weekend; null when no weekend session is left.
 */
export function weekendSessions(
  sessions: Session[],
  now: Date,
): { thisWeekend: boolean; saturday: string; sessionIds: string[] } | null {
  const byWeekend = new Map<string, string[]>();
  for (const s of sessions) {
    if (new Date(s.startsAt) <= now) continue;
    const saturday = weekendSaturday(suoqianDate(s.startsAt));
    if (!saturday) continue;
    byWeekend.set(saturday, [...(byWeekend.get(saturday) ?? []), s.id]);
  }
  const first = [...byWeekend.keys()].sort()[0];
  if (!first) return null;
  return {
    thisWeekend: first === thisSaturday(suoqianDate(now.toISOString())),
    saturday: first,
    sessionIds: byWeekend.get(first) ?? [],
  };
}
