// A workshop's opening hours are written for people ("每天 8:00–17:00（杨梅季 7:00–18:00）",
// "Tuesday–Sunday 9:00–17:00 (closed Mondays)"). The planner reads the usual daily
// window from them, and the weekdays it is closed, to warn about a pickup at the
// wrong time; text it cannot read gives no window, and no warning.

export type OpeningHours = { opens: number; closes: number; closedWeekdays: number[] };

const RANGE = /(\d{1,2})[:：](\d{2})\s*[–—\-~～至到]\s*(\d{1,2})[:：](\d{2})/;
const ZH_DAYS = ["日", "一", "二", "三", "四", "五", "六"];
const EN_DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

/** The daily window (minutes after midnight) and closed weekdays (0 = Sunday), or null. */
export function parseOpeningHours(zh: string, en = ""): OpeningHours | null {
  const match = RANGE.exec(zh) ?? RANGE.exec(en);
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  const opens = h1 * 60 + m1;
  const closes = h2 * 60 + m2;
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59 || closes <= opens) return null;
  const closed = new Set<number>();
  for (const m of zh.matchAll(/周([一二三四五六日天])(?:休息|闭馆|休)/g)) {
    const day = m[1] === "天" ? 0 : ZH_DAYS.indexOf(m[1] ?? "");
    if (day >= 0) closed.add(day);
  }
  for (const m of en
    .toLowerCase()
    .matchAll(/closed (?:on )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?/g)) {
    closed.add(EN_DAYS.indexOf(m[1] ?? ""));
  }
  return { opens, closes, closedWeekdays: [...closed].sort() };
}
