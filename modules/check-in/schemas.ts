import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";

// Messages are catalogue keys ("checkIn.validation.…"), translated where shown.

const id = (key: string) => z.string(key).trim().min(1, key).max(64, key);
/** A device's or a scan's own id: letters, digits, "_" and "-". */
const token = (key: string, min: number) =>
  z
    .string(key)
    .min(min, key)
    .max(64, key)
    .regex(/^[A-Za-z0-9_-]+$/, key);

export const checkInInputSchema = z.object({
  code: z
    .string("checkIn.validation.code")
    .trim()
    .min(1, "checkIn.validation.code")
    .max(500, "checkIn.validation.code"),
  festivalId: id("checkIn.validation.festival"),
  // Absent or null: all of today's sessions.
  sessionId: id("checkIn.validation.session").nullish(),
  // The gate's device and its id for this scan: should the answer not arrive, the device
  // decides and queues the scan under the same id, and the sync finds it already recorded.
  deviceId: token("checkIn.validation.device", 8).optional(),
  scanId: token("checkIn.validation.scanId", 1).optional(),
});

export const gateQuerySchema = z.object({
  festivalId: id("checkIn.validation.festival"),
  sessionId: id("checkIn.validation.session").nullish(),
});

export type CheckInInput = z.infer<typeof checkInInputSchema>;

// ─── The offline gate: its day's manifest and the sync of its queued scans ───

const slug = z
  .string("checkIn.validation.festival")
  .trim()
  .min(1, "checkIn.validation.festival")
  .max(100, "checkIn.validation.festival");

/** A calendar day, "YYYY-MM-DD", that exists. */
const day = z
  .string("checkIn.validation.date")
  .regex(/^\d{4}-\d{2}-\d{2}$/, "checkIn.validation.date")
  .refine((text) => isCalendarDate(text) && text >= "2000" && text < "2201", "checkIn.validation.date");

const instant = z.iso.datetime({ offset: true, message: "checkIn.validation.instant" });

export const manifestQuerySchema = z.object({
  festival: slug,
  date: day,
  since: z.iso.datetime({ offset: true, message: "checkIn.validation.since" }).nullish(),
});

export const LOCAL_RESULTS = ["ok", "already_used", "wrong_session", "cancelled", "unknown", "forged"] as const;
export const MAX_SCANS_PER_SYNC = 500;

export const syncInputSchema = z.object({
  deviceId: token("checkIn.validation.device", 8),
  festival: slug,
  scans: z
    .array(
      z.object({
        id: token("checkIn.validation.scanId", 1),
        code: z
          .string("checkIn.validation.code")
          .trim()
          .min(1, "checkIn.validation.code")
          .max(500, "checkIn.validation.code"),
        scannedAt: instant,
        sessionId: id("checkIn.validation.session").nullish(),
        local: z.enum(LOCAL_RESULTS, "checkIn.validation.local").optional(),
      }),
      "checkIn.validation.scans",
    )
    .min(1, "checkIn.validation.scans")
    .max(MAX_SCANS_PER_SYNC, "checkIn.validation.tooManyScans"),
});

export type SyncInput = z.infer<typeof syncInputSchema>;
