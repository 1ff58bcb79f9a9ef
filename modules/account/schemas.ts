import { z } from "zod";
import { normaliseChineseMobile } from "@/lib/phone";
import { emailSchema, nameSchema, optionalPhoneSchema } from "@/modules/auth/schemas";

// Messages are catalogue keys ("validation.…"), translated where shown.

export const profileSchema = z.object({
  name: nameSchema,
  phone: optionalPhoneSchema.optional().transform((v) => v ?? null),
  locale: z.enum(["zh-CN", "en"], "validation.locale"),
});

export type ProfileInput = z.infer<typeof profileSchema>;

/** The evening-before text reminder: a ticked box sends "on", an unticked one nothing. */
export const textRemindersSchema = z.object({
  textReminders: z
    .string()
    .max(10)
    .optional()
    .transform((v) => v === "on" || v === "true"),
});

export type TextRemindersInput = z.infer<typeof textRemindersSchema>;

const channel = z.enum(["EMAIL", "PHONE"], "validation.contact.channel");
const address = z.string("validation.contact.address").max(254, "validation.contact.address");

/** The address as orders store it (lower-case e-mail, 11-digit mobile), or an issue on `address`. */
function normalised(input: { channel: "EMAIL" | "PHONE"; address: string }, ctx: z.RefinementCtx): string {
  if (input.channel === "EMAIL") {
    const email = emailSchema.safeParse(input.address);
    if (email.success) return email.data;
    ctx.addIssue({ code: "custom", path: ["address"], message: "validation.email.invalid" });
    return "";
  }
  const phone = normaliseChineseMobile(input.address);
  if (phone) return phone;
  ctx.addIssue({ code: "custom", path: ["address"], message: "validation.phone.invalid" });
  return "";
}

/** An e-mail address or mobile number to verify. */
export const contactSchema = z
  .object({ channel, address })
  .transform((input, ctx) => ({ channel: input.channel, address: normalised(input, ctx) }));

export type ContactInput = z.infer<typeof contactSchema>;

/** The code sent to an address: six digits (spaces forgiven). */
export const contactCodeSchema = z
  .object({
    channel,
    address,
    code: z
      .string("validation.contact.code")
      .transform((v) => v.replace(/\s/g, ""))
      .pipe(z.string().regex(/^\d{6}$/, "validation.contact.code")),
  })
  .transform((input, ctx) => ({ channel: input.channel, address: normalised(input, ctx), code: input.code }));

export type ContactCodeInput = z.infer<typeof contactCodeSchema>;

/** Orders this browser placed: each id with the access token checkout received (a JSON list). */
export const claimOrdersSchema = z.object({
  orders: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "validation.invalid" });
        return z.NEVER;
      }
    })
    .pipe(
      z
        .array(z.object({ id: z.string().min(1).max(64), token: z.string().min(1).max(200) }))
        .max(20, "validation.invalid"),
    ),
});

/** The account's password; an account made with a phone number confirms with the code texted to it instead. */
export const deleteAccountSchema = z
  .object({
    password: z.string().max(1024, "validation.tooLong").optional(),
    code: z.string().max(16, "validation.tooLong").optional(),
  })
  .refine((data) => Boolean(data.password || data.code), { path: ["password"], message: "validation.required" });
