import { z } from "zod";
import { normaliseChineseMobile } from "@/lib/phone";
import { privacyConsentSchema } from "@/modules/privacy/privacy-consent";
import { passwordProblem } from "./password";

// Messages are catalogue keys (messages/*.json → "validation"), translated where shown.

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "validation.email.invalid")
  .pipe(z.email("validation.email.invalid"));

export const optionalPhoneSchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const phone = normaliseChineseMobile(value);
    if (!phone) ctx.addIssue({ code: "custom", message: "validation.phone.invalid" });
    return phone;
  });

export const nameSchema = z.string().trim().min(1, "validation.name.required").max(60, "validation.name.tooLong");

/** A mainland mobile number, normalised to its 11 digits; `message` when it is not one. */
export const mobile = (message: string) =>
  z.string(message).transform((value, ctx) => {
    const phone = normaliseChineseMobile(value);
    if (!phone) ctx.addIssue({ code: "custom", message });
    return phone ?? "";
  });

/** Who an order or a waiting-list entry is for: a name, a mobile number, an e-mail address. */
export const customerSchema = z.object({
  name: z
    .string("validation.name.required")
    .trim()
    .min(1, "validation.name.required")
    .max(60, "validation.name.tooLong"),
  phone: mobile("validation.phone.invalid"),
  email: z.string("validation.email.invalid").pipe(emailSchema),
});

export const signUpSchema = z
  .object({
    name: nameSchema,
    email: emailSchema,
    phone: optionalPhoneSchema.optional().transform((v) => v ?? null),
    password: z.string(),
    privacyConsent: privacyConsentSchema,
  })
  .superRefine((data, ctx) => {
    const problem = passwordProblem(data.password, data.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: `validation.password.${problem}` });
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

export const credentialsSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

/**
 * A new password typed twice. The rules are checked here without the account's
 * e-mail, so every field's problem shows at once; the use case checks again with it.
 */
function checkNewPassword(data: { newPassword: string; repeatPassword: string }, ctx: z.RefinementCtx) {
  const problem = passwordProblem(data.newPassword);
  if (problem) {
    ctx.addIssue({ code: "custom", path: ["newPassword"], message: `validation.password.${problem}` });
  } else if (data.repeatPassword !== data.newPassword) {
    ctx.addIssue({ code: "custom", path: ["repeatPassword"], message: "validation.password.mismatch" });
  }
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.required").max(1024, "validation.tooLong"),
    newPassword: z.string(),
    repeatPassword: z.string(),
  })
  .superRefine(checkNewPassword);

export const passwordResetRequestSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z
  .object({
    // A missing or malformed token reads as any other invalid link (the use case says so).
    token: z.string().max(256).catch(""),
    newPassword: z.string(),
    repeatPassword: z.string(),
  })
  .superRefine(checkNewPassword);
