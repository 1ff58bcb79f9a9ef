// Suoqian keeps China Standard Time (UTC+8, no daylight saving), so local wall
// times convert with a fixed offset.
export const TIME_ZONE = "Asia/Shanghai";
/** UTC+8: Suoqian's offset, the one place it is written. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant of a wall-clock time in Suoqian. Month is 1–12. */
export function shanghaiTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - SHANGHAI_OFFSET_MS);
}

/** The calendar date in Suoqian of an instant. */
export function shanghaiDateParts(instant: Date): { year: number; month: number; day: number; weekday: number } {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

/** The calendar date in Suoqian of an instant, "YYYY-MM-DD". */
export function shanghaiDateKey(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether a text is a calendar date that exists, "YYYY-MM-DD" (not "2027-02-30"). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A Suoqian calendar day ("YYYY-MM-DD", see isCalendarDate) as the instants [start, end). */
export function shanghaiDay(key: string): { start: Date; end: Date } {
  const [year = 0, month = 1, day = 1] = key.split("-").map(Number);
  return { start: shanghaiTime(year, month, day), end: shanghaiTime(year, month, day + 1) };
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

/** "2027-06-11 08:00–10:00" in Suoqian's time: a session as people name it. */
export function shanghaiTimeRangeText(start: Date, end: Date): string {
  return `${shanghaiDateTimeText(start)}–${shanghaiDateTimeText(end).slice(11)}`;
}

/** "2027-06-04 08:00" in Suoqian's time: what a spreadsheet reads as a date and time. */
export function shanghaiDateTimeText(instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

export type CalendarDate = { year: number; month: number; day: number };

/** "2027-06-11" → its parts, or null if it is not a real calendar date. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (year < 2000 || year > 2100) return null;
  return { year, month, day };
}

/** "08:30" → minutes after midnight, or null. */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Midnight in Suoqian at the start of a calendar date. */
export function startOfShanghaiDay(date: CalendarDate): Date {
  return shanghaiTime(date.year, date.month, date.day);
}

/** "2027-06-11T08:00" (what a datetime-local input gives), read as Suoqian time → the instant, or null. */
export function parseWallTime(text: string): Date | null {
  const [datePart = "", clockPart = ""] = text.trim().split(/[T ]/);
  const date = parseCalendarDate(datePart);
  const minutes = parseClock(clockPart);
  if (!date || minutes === null) return null;
  return shanghaiTime(date.year, date.month, date.day, Math.floor(minutes / 60), minutes % 60);
}

/**
 * Exactly "2027-06-11T08:00" (a date and a time to the minute, nothing before or after),
 * read as Suoqian time → the instant, or null. The strict form of parseWallTime, for APIs.
 */
export function parseWallMinute(text: string): Date | null {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text) ? parseWallTime(text) : null;
}

/** An instant as a Suoqian wall time for a datetime-local input: "2027-06-11T08:00". */
export function wallTime(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}

/** Calendar dates from one to another, inclusive (at most `limit` of them: ten years). */
export function datesBetween(from: CalendarDate, to: CalendarDate, limit = 3660): CalendarDate[] {
  const out: CalendarDate[] = [];
  for (
    let at = Date.UTC(from.year, from.month - 1, from.day);
    at <= Date.UTC(to.year, to.month - 1, to.day) && out.length < limit;
    at += 86_400_000
  ) {
    const d = new Date(at);
    out.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return out;
}

/** 0 = Sunday … 6 = Saturday, as Date.getDay; the calendar's, whatever the time zone. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function formatCalendarDate(date: CalendarDate): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/** Minutes after midnight → "08:30". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}
