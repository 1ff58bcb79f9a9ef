import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import type { ProfileInput } from "./schemas";

/** Changes the account's name, mobile number and language (of its mails and texts). */
export async function updateProfile(userId: string, input: ProfileInput): Promise<ProfileInput> {
  const updated = await db.user.updateMany({
    where: { id: userId, deletedAt: null, disabledAt: null },
    data: { name: input.name, phone: input.phone, locale: input.locale },
  });
  if (updated.count !== 1) throw new UserError("errors.signInRequired");
  return input;
}
