import { z } from "zod";
import { addDays, parseCalendarDate, parseWallTime, startOfShanghaiDay } from "@/lib/dates";
import { MAX_PRICE_FEN, parseYuan } from "@/lib/money";
import { FESTIVAL_KINDS } from "./editor-values";

// The festival editor's payload. Messages are catalogue keys (festivalEditor.errors.…),
// translated where shown. Every field check is a refinement, not a type error, so one
// save reports every bad field at once, including the rules that span fields.

const E = "festivalEditor.errors";
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const LIMITS = {
  ticketTypes: 30,
  sessions: 1000,
  capacity: 100_000,
  admissions: 20,
  perOrder: 100,
  cutoffHours: 720,
} as const;

// A field whose refinement failed reaches the cross-field rules as typed (its transform
// is skipped), so the rules check each value they use.
const valid = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
const INVALID = () => new Date(Number.NaN);

const text = (max: number) => z.string(`${E}.invalid`).trim().max(max, `${E}.tooLong`);
const required = (max: number) => text(max).min(1, `${E}.required`);

function wholeNumber(min: number, max: number, message: string) {
  return z
    .union([z.number(), z.string()], message)
    .refine((v) => {
      const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN;
      return Number.isInteger(n) && n >= min && n <= max;
    }, message)
    .transform((v) => Number(v));
}

/** "2027-06-11": the day's start in Suoqian. */
const calendarDate = z
  .string(`${E}.date`)
  .refine((v) => parseCalendarDate(v) !== null, `${E}.date`)
  .transform((v) => {
    const date = parseCalendarDate(v);
    return date ? startOfShanghaiDay(date) : INVALID();
  });

/** "2027-06-11T08:00", Suoqian wall time → the instant (stored as UTC). */
const wallTime = z
  .string(`${E}.dateTime`)
  .refine((v) => parseWallTime(v) !== null, `${E}.dateTime`)
  .transform((v) => parseWallTime(v) ?? INVALID());

/** Yuan as typed → integer fen. */
const price = z
  .union([z.string(), z.number()], `${E}.price`)
  .transform((v) => String(v))
  .superRefine((v, ctx) => {
    const fen = parseYuan(v);
    if (fen === null) ctx.addIssue({ code: "custom", message: `${E}.price` });
    else if (fen < 1 || fen > MAX_PRICE_FEN) ctx.addIssue({ code: "custom", message: `${E}.priceRange` });
  })
  .transform((v) => parseYuan(v) ?? Number.NaN);

const id = z.string().trim().min(1).max(40).optional();

export const ticketTypeInputSchema = z.object({
  id,
  nameZh: required(60),
  nameEn: text(80).default(""),
  descriptionZh: text(500).default(""),
  descriptionEn: text(800).default(""),
  /** Typed in yuan ("12.5"); parsed to integer fen (1250). */
  price,
  admissions: wholeNumber(1, LIMITS.admissions, `${E}.admissions`),
  maxPerOrder: wholeNumber(1, LIMITS.perOrder, `${E}.maxPerOrder`),
  active: z.boolean(`${E}.invalid`).default(true),
});

export const sessionInputSchema = z.object({
  id,
  startsAt: wallTime,
  endsAt: wallTime,
  capacity: wholeNumber(0, LIMITS.capacity, `${E}.capacity`),
  labelZh: text(40).default(""),
  labelEn: text(60).default(""),
});

export const festivalInputSchema = z
  .object({
    id,
    slug: z
      .string(`${E}.slug`)
      .trim()
      .toLowerCase()
      .min(3, `${E}.slug`)
      .max(80, `${E}.slug`)
      .regex(SLUG_PATTERN, `${E}.slug`),
    kind: z.enum(FESTIVAL_KINDS, `${E}.kind`),
    nameZh: required(60),
    nameEn: text(120).default(""),
    summaryZh: required(200),
    summaryEn: text(300).default(""),
    descriptionZh: text(4000).default(""),
    descriptionEn: text(6000).default(""),
    venueZh: required(100),
    venueEn: text(150).default(""),
    placeId: z
      .string()
      .trim()
      .max(40)
      .transform((v) => v || null)
      .nullable()
      .default(null),
    startsOn: calendarDate,
    endsOn: calendarDate,
    salesStartAt: wallTime,
    salesEndAt: wallTime,
    cancellationCutoffHours: wholeNumber(0, LIMITS.cutoffHours, `${E}.cutoffHours`),
    maxTicketsPerOrder: wholeNumber(1, LIMITS.perOrder, `${E}.maxTicketsPerOrder`),
    ticketTypes: z.array(ticketTypeInputSchema, `${E}.invalid`).max(LIMITS.ticketTypes, `${E}.tooManyTicketTypes`),
    sessions: z.array(sessionInputSchema, `${E}.invalid`).max(LIMITS.sessions, `${E}.tooManySessions`),
  })
  .superRefine((f, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: "custom", path, message: `${E}.${message}` });
    if (valid(f.startsOn) && valid(f.endsOn) && f.endsOn < f.startsOn) issue(["endsOn"], "endsBeforeStarts");
    const datesOk = valid(f.startsOn) && valid(f.endsOn) && f.endsOn >= f.startsOn;
    // The festival runs from its first day's midnight to the midnight after its last day (Suoqian time).
    const opens = f.startsOn;
    const closes = addDays(f.endsOn, 1);
    if (valid(f.salesStartAt) && valid(f.salesEndAt) && f.salesEndAt <= f.salesStartAt) {
      issue(["salesEndAt"], "salesEndBeforeStart");
    } else if (valid(f.salesEndAt) && valid(closes) && f.salesEndAt > closes) {
      issue(["salesEndAt"], "salesEndAfterFestival");
    }
    const seen = new Set<string>();
    f.sessions.forEach((s, i) => {
      if (!valid(s.startsAt) || !valid(s.endsAt)) return;
      if (s.endsAt <= s.startsAt) issue(["sessions", i, "endsAt"], "sessionEndBeforeStart");
      else if (datesOk && (s.startsAt < opens || s.endsAt > closes))
        issue(["sessions", i, "startsAt"], "sessionOutside");
      const key = `${s.startsAt.getTime()}|${s.endsAt.getTime()}|${s.labelZh}|${s.labelEn}`;
      if (seen.has(key)) issue(["sessions", i, "startsAt"], "sessionDuplicate");
      seen.add(key);
    });
    const ids = [...f.ticketTypes, ...f.sessions].flatMap((x) => (x.id ? [x.id] : []));
    if (new Set(ids).size !== ids.length) issue([], "invalid");
  });

export type FestivalInput = z.infer<typeof festivalInputSchema>;
export type TicketTypeInput = FestivalInput["ticketTypes"][number];
export type SessionInput = FestivalInput["sessions"][number];

export const festivalIdSchema = z.object({ id: z.string().trim().min(1).max(40) });
