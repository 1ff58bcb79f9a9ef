import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";

// A trip plan as the API and the planner send it. Messages are catalogue keys
// (trips.errors.…), translated where shown.

const E = "trips.errors";

const day = z
  .string(`${E}.day`)
  .regex(/^\d{4}-\d{2}-\d{2}$/, `${E}.day`)
  .refine(isCalendarDate, `${E}.day`);
const start = z.string(`${E}.start`).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${E}.start`);
const id = (key: string) => z.string(`${E}.${key}`).trim().min(1, `${E}.${key}`).max(64, `${E}.${key}`);
const quantity = z.number(`${E}.quantity`).int(`${E}.quantity`).min(1, `${E}.quantity`).max(50, `${E}.quantity`);

export const tripItemSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("route"), slug: id("route").max(100), day, start }),
    z.object({
      kind: z.literal("session"),
      sessionId: id("session"),
      day,
      ticketTypeId: id("ticketType").optional(),
      quantity: quantity.optional(),
    }),
    z.object({ kind: z.literal("pickup"), productId: id("product"), day, start, quantity: quantity.optional() }),
  ],
  `${E}.kind`,
);

/** The most items one plan may hold. */
export const MAX_TRIP_ITEMS = 30;

export const tripInputSchema = z
  .object({
    title: z.string(`${E}.title`).trim().min(1, `${E}.title`).max(80, `${E}.title`),
    days: z
      .array(day, `${E}.days`)
      .min(1, `${E}.days`)
      .max(2, `${E}.days`)
      .refine((days) => new Set(days).size === days.length, `${E}.days`),
    items: z.array(tripItemSchema, `${E}.items`).max(MAX_TRIP_ITEMS, `${E}.items`),
  })
  .superRefine((plan, ctx) => {
    plan.items.forEach((item, i) => {
      if (!plan.days.includes(item.day))
        ctx.addIssue({ code: "custom", path: ["items", i, "day"], message: `${E}.itemDay` });
    });
  })
  .transform((plan) => ({ ...plan, days: [...plan.days].sort() }));

export type TripInputParsed = z.output<typeof tripInputSchema>;

/** The most remembered orders a preview may carry (what the browser keeps: modules/basket/remembered-orders.ts). */
export const MAX_PREVIEW_ORDERS = 20;

/**
 * A preview's body: the plan, and the orders this browser placed as a guest, each id
 * with the access token checkout received; the tickets of those the server can verify
 * count as held, as a signed-in visitor's own do.
 */
export const tripPreviewSchema = z
  .object({
    orders: z
      .array(
        z.object(
          {
            id: z.string(`${E}.orders`).min(1, `${E}.orders`).max(64, `${E}.orders`),
            token: z.string(`${E}.orders`).min(1, `${E}.orders`).max(128, `${E}.orders`),
          },
          `${E}.orders`,
        ),
        `${E}.orders`,
      )
      .max(MAX_PREVIEW_ORDERS, `${E}.orders`)
      .default([]),
  })
  .and(tripInputSchema);

export type TripPreviewParsed = z.output<typeof tripPreviewSchema>;
