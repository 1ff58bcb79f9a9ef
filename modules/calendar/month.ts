import { shanghaiDateKey, shanghaiDateParts, shanghaiTime } from "@/lib/dates";

// Months and days as Suoqian counts them (UTC+8): a session at 23:30 on 30 June is a
// June session even though it is still 30 June in UTC, and one at 00:30 on 1 July is
// a July session although UTC says June.

/** A calendar month; month is 1–12. */
export type Month = { year: number; month: number };

/** A Suoqian calendar date, "2027-06-13". */
export type DateKey = string;

const MONTH_PARAM = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2099;

const pad = (n: number) => String(n).padStart(2, "0");

/** "2027-06" from the URL, or null for anything else (arrays, other shapes, far years). */
export function parseMonth(value: unknown): Month | null {
  if (typeof value !== "string") return null;
  const match = MONTH_PARAM.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  return { year, month: Number(match[2]) };
}

export function monthKey(m: Month): string {
  return `${m.year}-${pad(m.month)}`;
}

export function addMonths(m: Month, count: number): Month {
  const index = m.year * 12 + (m.month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The month it is in Suoqian at that instant. */
export function monthOf(instant: Date): Month {
  const { year, month } = shanghaiDateParts(instant);
  return { year, month };
}

export function daysInMonth(m: Month): number {
  return new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
}

/** The month as instants: from its first midnight in Suoqian up to (not including) the next month's. */
export function monthRange(m: Month): { start: Date; end: Date } {
  const next = addMonths(m, 1);
  return { start: shanghaiTime(m.year, m.month, 1), end: shanghaiTime(next.year, next.month, 1) };
}

export function dateKey(year: number, month: number, day: number): DateKey {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The Suoqian date of an instant. */
export function dateKeyOf(instant: Date): DateKey {
  return shanghaiDateKey(instant);
}

/** Noon in Suoqian on that date: an instant any formatter in Asia/Shanghai shows as that day. */
export function dateKeyToInstant(key: DateKey): Date {
  const [year = 0, month = 1, day = 1] = key.split("-").map(Number);
  return shanghaiTime(year, month, day, 12);
}
