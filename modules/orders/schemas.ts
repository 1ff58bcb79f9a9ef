import { z } from "zod";
import { parseWallMinute } from "@/lib/dates";
import { customerSchema, mobile } from "@/modules/auth/schemas";
import { MAX_LINE_QUANTITY } from "@/modules/inventory/limits";
import { privacyConsentSchema } from "@/modules/privacy/privacy-consent";

// Messages are catalogue keys ("validation.…"), translated where shown.

const id = z.string("validation.order.id").min(1, "validation.order.id").max(64, "validation.order.id");

const quantity = z
  .number("validation.order.quantity")
  .int("validation.order.quantity")
  .min(1, "validation.order.quantity")
  .max(MAX_LINE_QUANTITY, "validation.order.quantity");

const addressPart = (max: number) =>
  z
    .string("validation.address.required")
    .trim()
    .min(1, "validation.address.required")
    .max(max, "validation.address.tooLong");

/** A courier address as written in China: province, city, district, then the street and number. */
export const addressSchema = z.object(
  {
    name: addressPart(60),
    phone: mobile("validation.phone.invalid"),
    province: addressPart(30),
    city: addressPart(30),
    district: addressPart(30),
    street: addressPart(120),
  },
  "validation.address.required",
);

export const fulfilmentSchema = z.discriminatedUnion(
  "method",
  [
    z.object({
      method: z.literal("workshop_pickup"),
      // When the buyer means to come: a Suoqian wall-clock time, "2027-06-20T12:15".
      at: z
        .string("validation.order.pickupAt")
        .refine((v) => parseWallMinute(v) !== null, "validation.order.pickupAt")
        .optional(),
    }),
    z.object({
      method: z.literal("festival_pickup"),
      sessionId: z
        .string("validation.order.pickupSession")
        .min(1, "validation.order.pickupSession")
        .max(64, "validation.order.pickupSession"),
    }),
    z.object({ method: z.literal("delivery"), address: addressSchema }),
  ],
  { error: "validation.order.fulfilment" },
);

export const ticketItemSchema = z.object({
  kind: z.literal("ticket"),
  ticketTypeId: id,
  sessionId: id,
  quantity,
});

export const productItemSchema = z.object({
  kind: z.literal("product"),
  productId: id,
  quantity,
  // Omitted: picked up at the workshop.
  fulfilment: fulfilmentSchema.default({ method: "workshop_pickup" }),
});

export const createOrderSchema = z.object({
  items: z
    .array(
      z.discriminatedUnion("kind", [ticketItemSchema, productItemSchema], { error: "validation.order.kind" }),
      "validation.order.items",
    )
    .min(1, "validation.order.items")
    .max(20, "validation.order.items"),
  customer: customerSchema,
  // The privacy notice's version the buyer agreed to at checkout; recorded on the order.
  privacyConsent: privacyConsentSchema,
});

/**
 * An order to place. The API's schema requires the buyer's consent; orders made
 * without a buyer's form (seeds, tests, benchmarks of the use case) carry none.
 */
export type CreateOrderInput = Omit<z.infer<typeof createOrderSchema>, "privacyConsent"> & {
  privacyConsent?: string;
};
export type OrderItemInput = CreateOrderInput["items"][number];
export type TicketItemInput = Extract<OrderItemInput, { kind: "ticket" }>;
export type ProductItemInput = Extract<OrderItemInput, { kind: "product" }>;
