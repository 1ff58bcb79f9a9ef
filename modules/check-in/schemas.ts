import { z } from "zod";

// Messages are catalogue keys ("checkIn.validation.…"), translated where shown.

const id = (key: string) => z.string(key).trim().min(1, key).max(64, key);

export const checkInInputSchema = z.object({
  code: z
    .string("checkIn.validation.code")
    .trim()
    .min(1, "checkIn.validation.code")
    .max(500, "checkIn.validation.code"),
  festivalId: id("checkIn.validation.festival"),
  // Absent or null: all of today's sessions.
  sessionId: id("checkIn.validation.session").nullish(),
});

export const gateQuerySchema = z.object({
  festivalId: id("checkIn.validation.festival"),
  sessionId: id("checkIn.validation.session").nullish(),
});

export type CheckInInput = z.infer<typeof checkInInputSchema>;
