import {
  datesBetween,
  formatCalendarDate,
  formatClock,
  parseCalendarDate,
  parseClock,
  startOfShanghaiDay,
  weekdayOf,
} from "@/lib/dates";

// Pure helpers the festival editor shares between browser and server: the festival
// kinds and the session generator (money typed in yuan is lib/money, dates and
// wall-clock times in Suoqian lib/dates). No zod here, so the client bundle stays small.

export const FESTIVAL_KINDS = ["bayberry", "cherry", "other"] as const;
export type FestivalKindSlug = (typeof FESTIVAL_KINDS)[number];

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
  if (!from || !to || startOfShanghaiDay(to) < startOfShanghaiDay(from)) return { ok: false, problem: "dates" };
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
