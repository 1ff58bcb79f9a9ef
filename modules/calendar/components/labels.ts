import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { shanghaiTime } from "@/lib/dates";
import { type DateKey, dateKeyToInstant, type Month } from "../month";
import type { SeasonSpan } from "../whats-on";

/** How the calendar and the season strip write dates, months and seasons in the page's language. */
export async function getCalendarLabels() {
  const t = await getTranslations("calendar");
  const format = await getFormatter();
  const day = (key: DateKey) => format.dateTime(dateKeyToInstant(key), { month: "short", day: "numeric" });
  const monthName = (month: number) => format.dateTime(shanghaiTime(2001, month, 15, 12), { month: "short" });
  const span = (s: SeasonSpan): string => {
    if (s.kind === "months") {
      if (s.allYear) return t("allYear");
      return s.from === s.to ? monthName(s.from) : t("range", { start: monthName(s.from), end: monthName(s.to) });
    }
    if (s.from && s.to) return s.from === s.to ? day(s.from) : t("range", { start: day(s.from), end: day(s.to) });
    if (s.from) return t("from", { start: day(s.from) });
    return s.to ? t("until", { end: day(s.to) }) : t("allYear");
  };
  return {
    day,
    span,
    /** "2027年6月", "June 2027". */
    month: (m: Month) => format.dateTime(shanghaiTime(m.year, m.month, 15, 12), { year: "numeric", month: "long" }),
    /** "6月13日周日", "Sun, June 13". */
    fullDay: (key: DateKey) =>
      format.dateTime(dateKeyToInstant(key), { month: "long", day: "numeric", weekday: "short" }),
    clock: (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }),
    /** Monday to Sunday, short. 1 January 2024 was a Monday. */
    weekdays: Array.from({ length: 7 }, (_, i) =>
      format.dateTime(shanghaiTime(2024, 1, 1 + i, 12), { weekday: "short" }),
    ),
    list: (items: string[]) => format.list(items, { type: "conjunction", style: "narrow" }),
  };
}
