import { z } from "zod";
import { insideRegion, type Region } from "@/lib/region";
import { CATEGORY_SLUGS } from "./categories";

// Messages are catalogue keys (messages/*.json → "validation"), translated where shown.

/** A GeoJSON LineString's coordinates in WGS-84: [[lng, lat], …]. */
export const pathSchema = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]));

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (max: number) => z.string().trim().max(max, "validation.tooLong");
const required = (max: number) => text(max).min(1, "validation.required");
const latitude = z.number("validation.invalid").min(-90).max(90);
const longitude = z.number("validation.invalid").min(-180).max(180);

export const routeStopInputSchema = z
  .object({
    placeId: z.string().min(1).optional(),
    newPlace: z.object({ nameZh: required(60), nameEn: required(80), lat: latitude, lng: longitude }).optional(),
    suggestedMinutes: z
      .number("validation.invalid")
      .int()
      .min(5, "validation.route.minutes")
      .max(600, "validation.route.minutes"),
    noteZh: text(300).optional(),
    noteEn: text(300).optional(),
  })
  .refine((s) => Boolean(s.placeId) !== Boolean(s.newPlace), "validation.route.stopPlace");

export type RouteStopInput = z.infer<typeof routeStopInputSchema>;

/** The route editor's payload. Coordinates are checked against the configured region. */
export function routeInputSchema(region: Region) {
  return z
    .object({
      id: z.string().min(1).optional(),
      slug: z
        .string()
        .trim()
        .toLowerCase()
        .min(3, "validation.route.slug")
        .max(80, "validation.route.slug")
        .regex(SLUG_PATTERN, "validation.route.slug"),
      category: z.enum(CATEGORY_SLUGS, "validation.route.category"),
      difficulty: z.enum(["easy", "moderate", "hard"], "validation.invalid"),
      titleZh: required(80),
      titleEn: required(120),
      summaryZh: required(200),
      summaryEn: required(300),
      descriptionZh: text(4000).default(""),
      descriptionEn: text(6000).default(""),
      gettingThereZh: text(1000).default(""),
      gettingThereEn: text(1500).default(""),
      months: z
        .array(z.number().int().min(1).max(12), "validation.route.months")
        .min(1, "validation.route.months")
        .transform((months) => [...new Set(months)].sort((a, b) => a - b)),
      coverImageUrl: z
        .string()
        .trim()
        .max(500, "validation.tooLong")
        .refine((v) => v === "" || /^(https:\/\/|\/)\S+$/.test(v), "validation.route.coverUrl")
        .transform((v) => v || null)
        .prefault(""),
      stops: z
        .array(routeStopInputSchema, "validation.route.minStops")
        .min(2, "validation.route.minStops")
        .max(30, "validation.route.maxStops"),
      /** null: the path follows the stops in straight lines. */
      path: pathSchema.max(5000).nullable().default(null),
    })
    .superRefine((route, ctx) => {
      route.stops.forEach((stop, i) => {
        if (stop.newPlace && !insideRegion(region, stop.newPlace.lat, stop.newPlace.lng)) {
          ctx.addIssue({ code: "custom", path: ["stops", i], message: "validation.route.outsideRegion" });
        }
      });
      if (route.path?.some(([lng, lat]) => !insideRegion(region, lat, lng))) {
        ctx.addIssue({ code: "custom", path: ["path"], message: "validation.route.pathOutsideRegion" });
      }
      if (route.path && route.path.length === 1) {
        ctx.addIssue({ code: "custom", path: ["path"], message: "validation.route.pathTooShort" });
      }
    });
}

export type RouteInput = z.infer<ReturnType<typeof routeInputSchema>>;
