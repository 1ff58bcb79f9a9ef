import { createEvents, type EventAttributes } from "ics";
import { shanghaiDay } from "@/lib/dates";
import { foldIcs } from "@/lib/ics-fold";
import { pick } from "@/lib/localized";
import type { TripInput, TripItemInput, TripView } from "./types";

/** A Suoqian date and minutes after midnight as an instant (ms since 1970). */
function instant(day: string, minutes: number): number {
  return shanghaiDay(day).start.getTime() + minutes * 60_000;
}

/** What an item is, whatever its place in the list: its kind, the thing itself and its day. */
function itemKey(item: TripItemInput): string {
  const what = item.kind === "route" ? item.slug : item.kind === "session" ? item.sessionId : item.productId;
  return `${item.kind}-${what}-${item.day}`;
}

/**
 * The whole plan as an iCalendar file: an event per item, in Suoqian time, at its
 * place, linking to its page. `planKey` names the plan (a stored plan's id, a guest's
 * plan id): every event's UID is the plan's and the item's, so downloading the same
 * plan again updates its events, and another plan's never replace them.
 */
export function tripCalendar(
  plan: TripInput,
  view: TripView,
  lang: "zh" | "en",
  origin: string,
  planKey: string,
): string {
  const prefix = lang === "en" ? "/en" : "";
  const seen = new Map<string, number>();
  const events: EventAttributes[] = view.items.map((item) => {
    const day = plan.days[item.dayIndex] ?? plan.days[0] ?? "";
    // The same thing twice on a day (a second pickup): "#2", in the day's order.
    const key = itemKey(item.input);
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return {
      uid: `trip-${planKey}-${key}${nth > 1 ? `#${nth}` : ""}@suoqian`,
      title: pick(item.title, lang),
      ...(item.location ? { location: pick(item.location, lang) } : {}),
      ...(item.from ? { geo: { lat: item.from.lat, lon: item.from.lng } } : {}),
      description: plan.title,
      url: `${origin}${prefix}${item.href}`,
      start: instant(day, item.startMinutes),
      end: instant(day, Math.max(item.endMinutes, item.startMinutes + 1)),
      startInputType: "utc",
      startOutputType: "utc",
      endInputType: "utc",
      endOutputType: "utc",
    };
  });
  if (events.length === 0) return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:suoqian\r\nEND:VCALENDAR\r\n";
  const { error, value } = createEvents(events);
  if (error || !value) throw error ?? new Error("calendar could not be made");
  return foldIcs(value);
}
