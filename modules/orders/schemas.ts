import { z } from "zod";
import { normaliseChineseMobile } from "@/lib/phone";
import { emailSchema } from "@/modules/auth/schemas";

// Messages are catalogue keys ("validation.…"), translated where shown.

const id = z.string("validation.order.id").min(1, "validation.order.id").max(64, "validation.order.id");

export const ticketItemSchema = z.object({
  kind: z.literal("ticket"),
  ticketTypeId: id,
  sessionId: id,
  quantity: z
    .number("validation.order.quantity")
    .int("validation.order.quantity")
    .min(1, "validation.order.quantity")
    .max(50, "validation.order.quantity"),
});

export const customerSchema = z.object({
  name: z
    .string("validation.name.required")
    .trim()
    .min(1, "validation.name.required")
    .max(60, "validation.name.tooLong"),
  phone: z.string("validation.phone.invalid").transform((value, ctx) => {
    const phone = normaliseChineseMobile(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "validation.phone.invalid" });
    return phone ?? "";
  }),
  email: z.string("validation.email.invalid").pipe(emailSchema),
});

export const createOrderSchema = z.object({
  items: z
    .array(
      z.discriminatedUnion("kind", [ticketItemSchema], { error: "validation.order.kind" }),
      "validation.order.items",
    )
    .min(1, "validation.order.items")
    .max(20, "validation.order.items"),
  customer: customerSchema,
});

export type CreateOrderInput = z.infer<typeof createOrderSchema>;
