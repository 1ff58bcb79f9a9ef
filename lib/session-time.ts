import type { createFormatter } from "next-intl";

// "6月4日周五 08:00–10:00": a timed session as people read it, with next-intl's
// formatter (getFormatter on the server, useFormatter in the browser), so the
// time zone is always Suoqian's.

type Formatter = Pick<ReturnType<typeof createFormatter>, "dateTime">;

export function sessionTime(
  format: Formatter,
  session: { startsAt: Date | string; endsAt: Date | string },
  month: "short" | "long" = "short",
): string {
  const start = format.dateTime(new Date(session.startsAt), {
    month,
    day: "numeric",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  return `${start}–${format.dateTime(new Date(session.endsAt), { hour: "2-digit", minute: "2-digit" })}`;
}

/**
 * A moment as its parts, for messages that place them ("6月20日 周六 12:15",
 * "Sat, June 20, 12:15 PM"): the day of the month, the weekday and the time, in Suoqian.
 */
export function momentParts(format: Formatter, at: Date | string): { date: string; weekday: string; time: string } {
  const instant = new Date(at);
  return {
    date: format.dateTime(instant, { month: "long", day: "numeric" }),
    weekday: format.dateTime(instant, { weekday: "short" }),
    time: format.dateTime(instant, { hour: "2-digit", minute: "2-digit" }),
  };
}
