import { createFormatter } from "next-intl";
import { TIME_ZONE } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";

/** A session's time as mails write it, in Suoqian's time: "2027年4月17日 09:00–11:00". */
export function sessionTimeText(
  locale: Locale,
  session: { startsAt: Date; endsAt: Date },
  dateStyle: "medium" | "full" = "medium",
): string {
  const format = createFormatter({ locale, timeZone: TIME_ZONE });
  return `${format.dateTime(session.startsAt, { dateStyle, timeStyle: "short" })}–${format.dateTime(session.endsAt, { timeStyle: "short" })}`;
}

/** An instant as mails write it, in Suoqian's time. */
export function mailDateTime(locale: Locale, instant: Date): string {
  return createFormatter({ locale, timeZone: TIME_ZONE }).dateTime(instant, {
    dateStyle: "medium",
    timeStyle: "short",
  });
}
