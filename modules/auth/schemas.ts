import { z } from "zod";
import { normaliseChineseMobile } from "@/lib/phone";
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

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "validation.name.required").max(60, "validation.name.tooLong"),
    email: emailSchema,
    phone: optionalPhoneSchema.optional().transform((v) => v ?? null),
    password: z.string(),
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
