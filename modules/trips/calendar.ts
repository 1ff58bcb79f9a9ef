import { createEvents, type EventAttributes } from "ics";
import { shanghaiDay } from "@/lib/dates";
import { pick } from "@/lib/localized";
import type { TripInput, TripView } from "./types";

/** A Suoqian date and minutes after midnight as an instant (ms since 1970). */
function instant(day: string, minutes: number): number {
  return shanghaiDay(day).start.getTime() + minutes * 60_000;
}

/** The whole plan as an iCalendar file: an event per item, in Suoqian time, linking to its page. */
export function tripCalendar(plan: TripInput, view: TripView, lang: "zh" | "en", origin: string): string {
  const prefix = lang === "en" ? "/en" : "";
  const events: EventAttributes[] = view.items.map((item) => {
    const day = plan.days[item.dayIndex] ?? plan.days[0] ?? "";
    return {
      uid: `trip-${day}-${item.index}-${item.input.kind}@suoqian`,
      title: pick(item.title, lang),
      ...(item.subtitle ? { location: pick(item.subtitle, lang) } : {}),
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
  return value;
}
