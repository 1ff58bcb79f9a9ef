import "server-only";
import { randomInt } from "node:crypto";
import { hashToken } from "@/lib/codes";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { sendEmail } from "@/lib/mail/send";
import { sendTextMessage } from "@/lib/sms/send";
import { UserError } from "@/lib/user-error";
import { composeContactCodeMail, composeContactCodeText } from "./compose-contact-code";
import { CODE_VALID_MS, codeDigest } from "./contact-code";
import type { ContactInput } from "./schemas";

/**
 * Sends a six-digit code to an e-mail address or mobile number, so the user can
 * show it is theirs (verify-contact-code.ts). The answer is the same whether or not
 * any order was placed with the address: orders are not even looked at. A new
 * code replaces one still waiting for the same address; only its digest is kept.
 */
export async function requestContactCode(
  userId: string,
  contact: ContactInput,
  now = new Date(),
): Promise<{ alreadyVerified: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { locale: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new UserError("errors.signInRequired");
  const { channel, address } = contact;
  const verified = await db.contactVerification.findFirst({
    where: { userId, channel, address, verifiedAt: { not: null } },
    select: { id: true },
  });
  if (verified) return { alreadyVerified: true };

  const code = String(randomInt(1_000_000)).padStart(6, "0");
  await db.$transaction(async (tx) => {
    await tx.contactVerification.deleteMany({ where: { userId, channel, address, verifiedAt: null } });
    await tx.contactVerification.create({
      data: {
        userId,
        channel,
        address,
        codeHash: hashToken(codeDigest(userId, channel, address, code)),
        expiresAt: new Date(now.getTime() + CODE_VALID_MS),
      },
    });
  });
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const minutes = CODE_VALID_MS / 60_000;
  if (channel === "EMAIL") await sendEmail({ to: address, ...composeContactCodeMail(code, { locale, minutes }) });
  else {
    const text = composeContactCodeText(code, { locale, minutes });
    await sendTextMessage({ to: address, kind: "code", params: { code }, text, locale });
  }
  return { alreadyVerified: false };
}
