import { shanghaiTime } from "@/lib/dates";

// Pure helpers the festival editor shares between browser and server: money typed
// in yuan, wall-clock times in Suoqian (Asia/Shanghai), and the session generator.
// No zod here, so the client bundle stays small.

export const FESTIVAL_KINDS = ["bayberry", "cherry", "other"] as const;
export type FestivalKindSlug = (typeof FESTIVAL_KINDS)[number];

/** The most a ticket may cost: 100,000 yuan, in fen. */
export const MAX_PRICE_FEN = 10_000_000;

const FULL_WIDTH = /[０-９．。]/g;

/**
 * Yuan as typed ("12.5", "¥88", "１２．５") → integer fen (1250), by string handling so
 * no float rounding can creep in; null for anything else (three decimals, signs, text).
 */
export function parseYuan(text: string): number | null {
  const normal = text
    .trim()
    .replace(FULL_WIDTH, (c) => (c === "．" || c === "。" ? "." : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/^[¥￥]\s*/, "");
  const match = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(normal);
  if (!match) return null;
  const [, yuan = "0", fraction = ""] = match;
  return Number(yuan) * 100 + Number(fraction.padEnd(2, "0"));
}

/** Fen → yuan as the editor shows it: 8800 → "88", 1250 → "12.50". */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const rest = fen % 100;
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, "0")}`;
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
export function startOfDay(date: CalendarDate): Date {
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

const OFFSET_MS = 8 * 60 * 60 * 1000;

/** An instant as a Suoqian calendar date: "2027-06-11". */
export function wallDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as a Suoqian wall time for a datetime-local input: "2027-06-11T08:00". */
export function wallTime(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 16);
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

export type SessionDraft = {
  /** A Suoqian calendar date and wall-clock times: "2027-06-11", "08:00", "10:00". */
  date: string;
  start: string;
  end: string;
  capacity: number;
  labelZh: string;
  labelEn: string;
};

export type GeneratorInput = {
  from: string;
  to: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  slots: { start: string; end: string }[];
  capacity: number;
  labelZh?: string;
  labelEn?: string;
};

/** The most sessions one run of the generator makes. */
export const MAX_GENERATED_SESSIONS = 500;

export type GeneratorProblem = "dates" | "weekdays" | "slots" | "slotOrder" | "capacity" | "tooMany";

/**
 * "Every Fri–Sun between two dates, at 08:00–10:00 and 14:00–16:00, capacity N":
 * one session per chosen weekday and time slot, in date then time order.
 */
export function generateSessions(
  input: GeneratorInput,
): { ok: true; sessions: SessionDraft[] } | { ok: false; problem: GeneratorProblem } {
  const from = parseCalendarDate(input.from);
  const to = parseCalendarDate(input.to);
  if (!from || !to || startOfDay(to) < startOfDay(from)) return { ok: false, problem: "dates" };
  if (input.weekdays.length === 0) return { ok: false, problem: "weekdays" };
  if (input.slots.length === 0) return { ok: false, problem: "slots" };
  const slots = input.slots.map((s) => ({ from: parseClock(s.start), until: parseClock(s.end) }));
  if (slots.some((s) => s.from === null || s.until === null)) return { ok: false, problem: "slots" };
  if (slots.some((s) => (s.until ?? 0) <= (s.from ?? 0))) return { ok: false, problem: "slotOrder" };
  if (!Number.isInteger(input.capacity) || input.capacity < 0 || input.capacity > 100_000) {
    return { ok: false, problem: "capacity" };
  }
  const ordered = [...slots].sort((a, b) => (a.from ?? 0) - (b.from ?? 0));
  const days = datesBetween(from, to).filter((d) => input.weekdays.includes(weekdayOf(d)));
  if (days.length * ordered.length > MAX_GENERATED_SESSIONS) return { ok: false, problem: "tooMany" };
  const sessions = days.flatMap((d) =>
    ordered.map((slot) => ({
      date: formatCalendarDate(d),
      start: formatClock(slot.from ?? 0),
      end: formatClock(slot.until ?? 0),
      capacity: input.capacity,
      labelZh: input.labelZh?.trim() ?? "",
      labelEn: input.labelEn?.trim() ?? "",
    })),
  );
  return { ok: true, sessions };
}

/** Minutes after midnight → "08:30". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

type Timed = { date: string; start: string; end: string; labelZh: string; labelEn: string };

/**
 * Adds generated sessions to a list, skipping any with the same day, times and label
 * as one already there, and keeps the list in time order. Returns how many were added.
 */
export function mergeSessions<S extends Timed>(existing: S[], generated: S[]): { sessions: S[]; added: number } {
  const keyOf = (s: Timed) => [s.date, s.start, s.end, s.labelZh, s.labelEn].join("|");
  const taken = new Set(existing.map(keyOf));
  const fresh = generated.filter((s) => {
    if (taken.has(keyOf(s))) return false;
    taken.add(keyOf(s));
    return true;
  });
  const sessions = [...existing, ...fresh].sort(
    (a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.end.localeCompare(b.end),
  );
  return { sessions, added: fresh.length };
}
