import { z } from "zod";
import { parseCalendarDate, startOfShanghaiDay } from "@/lib/dates";
import { MAX_PRICE_FEN, parseYuan } from "@/lib/money";

// The farmer's product form, as FormData. Messages are catalogue keys
// (farmerProducts.errors.…), translated where shown.

const E = "farmerProducts.errors";

export const CATEGORIES = ["FRUIT", "TEA", "BAMBOO", "PRESERVES", "PREPARED", "OTHER"] as const;
export const UNITS = ["JIN", "BOX", "PORTION"] as const;
export const MAX_STOCK = 100_000;
export const MAX_IMAGES = 6;
const MEDIA_URL = /^\/media\/[a-f0-9]{32}\/\d+\.webp$/;

/** A stored upload (modules/media): its URL and the size of its largest stored width. */
const photo = z.object({
  url: z.string().regex(MEDIA_URL),
  width: z.number().int().min(1).max(20_000),
  height: z.number().int().min(1).max(20_000),
});
type Photo = z.output<typeof photo>;

const text = (max: number) => z.string(`${E}.invalid`).trim().max(max, `${E}.tooLong`);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** Yuan as typed → integer fen; `min` 0 allows a free delivery. */
const yuan = (min: number, message: string) =>
  z
    .string(message)
    .transform((v) => (v.trim() === "" && min === 0 ? "0" : v))
    .superRefine((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null || fen < min || fen > MAX_PRICE_FEN) ctx.addIssue({ code: "custom", message });
    })
    .transform((v) => parseYuan(v) ?? Number.NaN);

/** "2027-06-11" (or empty) → the start of that day in Suoqian. */
const day = z
  .string(`${E}.date`)
  .optional()
  .superRefine((v, ctx) => {
    if (v && v.trim() !== "" && !parseCalendarDate(v)) ctx.addIssue({ code: "custom", message: `${E}.date` });
  })
  .transform((v) => {
    const date = v ? parseCalendarDate(v) : null;
    return date ? startOfShanghaiDay(date) : null;
  });

export const productInputSchema = z
  .object({
    id: z.string().trim().max(40).optional(),
    nameZh: text(60).min(1, `${E}.required`),
    nameEn: text(80),
    descriptionZh: text(2000),
    descriptionEn: text(3000),
    category: z.enum(CATEGORIES, `${E}.category`),
    unit: z.enum(UNITS, `${E}.unit`),
    price: yuan(1, `${E}.price`),
    madeToOrder: checkbox,
    stock: z.string(`${E}.stock`).optional(),
    availableFrom: day,
    availableUntil: day,
    pickupAtWorkshop: checkbox,
    pickupAtFestival: checkbox,
    delivery: checkbox,
    deliveryFee: yuan(0, `${E}.deliveryFee`).optional(),
    images: z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return [] as Photo[];
        try {
          const list = JSON.parse(v) as unknown;
          const parsed = z.array(photo).max(MAX_IMAGES).safeParse(list);
          if (parsed.success) return parsed.data;
        } catch {
          // reported below
        }
        ctx.addIssue({ code: "custom", message: `${E}.images` });
        return [] as Photo[];
      }),
  })
  .superRefine((p, ctx) => {
    if (!p.madeToOrder) {
      const stock = /^\s*\d+\s*$/.test(p.stock ?? "") ? Number(p.stock) : Number.NaN;
      if (!Number.isInteger(stock) || stock < 0 || stock > MAX_STOCK)
        ctx.addIssue({ code: "custom", path: ["stock"], message: `${E}.stock` });
    }
    if (!p.pickupAtWorkshop && !p.pickupAtFestival && !p.delivery)
      ctx.addIssue({ code: "custom", path: ["pickupAtWorkshop"], message: `${E}.noFulfilment` });
    if (p.availableFrom && p.availableUntil && p.availableUntil < p.availableFrom)
      ctx.addIssue({ code: "custom", path: ["availableUntil"], message: `${E}.window` });
  })
  .transform((p) => ({
    id: p.id || undefined,
    nameZh: p.nameZh,
    nameEn: p.nameEn,
    descriptionZh: p.descriptionZh,
    descriptionEn: p.descriptionEn,
    category: p.category,
    unit: p.unit,
    priceCents: p.price,
    stock: p.madeToOrder ? null : Number(p.stock),
    availableFrom: p.availableFrom,
    // The last day is included: the window closes at the end of it.
    availableUntil: p.availableUntil ? new Date(p.availableUntil.getTime() + 86_400_000) : null,
    pickupAtWorkshop: p.pickupAtWorkshop,
    pickupAtFestival: p.pickupAtFestival,
    delivery: p.delivery,
    deliveryFeeCents: p.delivery ? (p.deliveryFee ?? 0) : 0,
    images: p.images,
  }));

export type ProductInput = z.output<typeof productInputSchema>;

export const productIdSchema = z.object({ id: z.string().trim().min(1).max(40) });
