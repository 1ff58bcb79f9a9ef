import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/user-error";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

/**
 * Creates a visitor account, recording which privacy notice they agreed to and when.
 * Taken emails are refused without writing anything.
 */
export async function signUpVisitor(input: SignUpInput, locale: string): Promise<{ id: string; email: string }> {
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new UserError("errors.checkFields", { email: "validation.email.taken" });
  const passwordHash = await hashPassword(input.password);
  try {
    const created = await db.user.create({
      data: {
        email: input.email,
        name: input.name,
        phone: input.phone,
        passwordHash,
        role: "VISITOR",
        locale,
        privacyConsentVersion: input.privacyConsent,
        privacyConsentAt: new Date(),
      },
      select: { id: true },
    });
    return { id: created.id, email: input.email };
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new UserError("errors.checkFields", { email: "validation.email.taken" });
    throw error;
  }
}
