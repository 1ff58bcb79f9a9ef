import { z } from "zod";
import { normaliseChineseMobile } from "@/lib/phone";

// Messages are catalogue keys, translated where shown.

const A = "farmerApply.errors";
const D = "adminFarmers.errors";

const id = (message: string) => z.string(message).trim().min(1, message).max(40, message);

export const applicationSchema = z.object({
  displayName: z.string(`${A}.displayName`).trim().min(1, `${A}.displayName`).max(40, `${A}.displayName`),
  village: z.string(`${A}.village`).trim().min(1, `${A}.village`).max(40, `${A}.village`),
  phone: z
    .string("validation.phone.invalid")
    .max(30, "validation.phone.invalid")
    .transform((value, ctx) => {
      const phone = normaliseChineseMobile(value);
      if (!phone) ctx.addIssue({ code: "custom", message: "validation.phone.invalid" });
      return phone ?? "";
    }),
  workshopId: id(`${A}.workshop`),
});

export type ApplicationInput = z.infer<typeof applicationSchema>;

export const approveSchema = z.object({ id: id("errors.notFound") });

export const rejectSchema = z.object({
  id: id("errors.notFound"),
  reason: z.string(`${D}.reasonRequired`).trim().min(1, `${D}.reasonRequired`).max(300, `${D}.reasonTooLong`),
});
