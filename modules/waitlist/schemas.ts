import { z } from "zod";
import { customerSchema } from "@/modules/auth/schemas";
import { MAX_LINE_QUANTITY } from "@/modules/inventory/limits";
import { privacyConsentSchema } from "@/modules/privacy/privacy-consent";

// Messages are catalogue keys, translated where shown.

const id = z.string("validation.order.id").min(1, "validation.order.id").max(64, "validation.order.id");

/**
 * Joining a session's waiting list: the same contact rules as an order. The site's form
 * requires the privacy consent box and sends the notice's version, which the entry (and
 * an offer's order) records; an API client may leave it out (joining at the visitor's own
 * request is a step towards a contract, PIPL art. 13(2)), but one it sends must be current.
 */
export const joinWaitlistSchema = z.object({
  sessionId: id,
  ticketTypeId: id,
  quantity: z
    .number("validation.order.quantity")
    .int("validation.order.quantity")
    .min(1, "validation.order.quantity")
    .max(MAX_LINE_QUANTITY, "validation.order.quantity"),
  customer: customerSchema,
  privacyConsent: privacyConsentSchema.optional(),
  /** The code texted to the number, when this browser has not proven it yet. */
  code: z
    .string("phone.errors.codeFormat")
    .trim()
    .regex(/^\d{6}$/, "phone.errors.codeFormat")
    .optional(),
});

export type JoinWaitlistInput = Omit<z.infer<typeof joinWaitlistSchema>, "privacyConsent"> & {
  privacyConsent?: string;
};

/** A leave token from the confirmation mail: 32 random bytes, base64url. */
export const LEAVE_TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
