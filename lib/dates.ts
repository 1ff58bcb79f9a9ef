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

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

/** "2027-06-04 08:00" in Suoqian's time: what a spreadsheet reads as a date and time. */
export function shanghaiDateTimeText(instant: Date): string {
  const local = new Date(instant.getTime() + OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
