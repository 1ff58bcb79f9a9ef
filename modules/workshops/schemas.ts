import { z } from "zod";

// The workshop editor's form. Messages are catalogue keys (adminWorkshops.errors.…),
// translated where shown.

const E = "adminWorkshops.errors";
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string(`${E}.invalid`).trim().max(max, `${E}.tooLong`);
const required = (max: number) => text(max).min(1, `${E}.required`);
const optional = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v || null);

/** A coordinate as typed or picked; "" means no point chosen. */
const coordinate = (min: number, max: number) =>
  z
    .string(`${E}.place`)
    .trim()
    .max(30, `${E}.place`)
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${E}.place` });
        return z.NEVER;
      }
      return n;
    });

export const workshopInputSchema = z
  .object({
    id: z
      .string()
      .trim()
      .max(40)
      .optional()
      .transform((v) => v || null),
    slug: z
      .string(`${E}.slug`)
      .trim()
      .toLowerCase()
      .min(3, `${E}.slug`)
      .max(60, `${E}.slug`)
      .regex(SLUG_PATTERN, `${E}.slug`),
    nameZh: required(60),
    nameEn: required(120),
    storyZh: required(4000),
    storyEn: text(6000).default(""),
    village: optional(40),
    openingHoursZh: text(200).default(""),
    openingHoursEn: text(300).default(""),
    phone: z
      .string(`${E}.phone`)
      .trim()
      .max(30, `${E}.phone`)
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || /^\+?[\d\s()-]{5,}$/.test(v), `${E}.phone`),
    lat: coordinate(-90, 90),
    lng: coordinate(-180, 180),
    precision: z.enum(["SURVEYED", "APPROXIMATE"], `${E}.precision`).default("APPROXIMATE"),
  })
  .superRefine((w, ctx) => {
    if ((w.lat === null) !== (w.lng === null)) ctx.addIssue({ code: "custom", path: ["place"], message: `${E}.place` });
  })
  .transform(({ lat, lng, precision, ...w }) => ({
    ...w,
    point: lat !== null && lng !== null ? { lat, lng, precision } : null,
  }));

export type WorkshopInput = z.output<typeof workshopInputSchema>;
