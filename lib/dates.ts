// Suoqian keeps China Standard Time (UTC+8, no daylight saving), so local wall
// times convert with a fixed offset.
export const TIME_ZONE = "Asia/Shanghai";
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** The instant of a wall-clock time in Suoqian. Month is 1–12. */
export function shanghaiTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** The calendar date in Suoqian of an instant. */
export function shanghaiDateParts(instant: Date): { year: number; month: number; day: number; weekday: number } {
  const local = new Date(instant.getTime() + OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    weekday: local.getUTCDay(),
  };
}

/** The calendar date in Suoqian of an instant, "YYYY-MM-DD". */
export function shanghaiDateKey(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
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

/** "2027-06-04 08:00" in Suoqian's time: what a spreadsheet reads as a date and time. */
export function shanghaiDateTimeText(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
