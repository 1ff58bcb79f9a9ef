import "server-only";
import { db } from "@/lib/db";
import { NO_PASSWORD } from "@/modules/auth/phone-sign-in";
import { verifiedContacts } from "./account-scope";

/** The account page's profile: what the user may change, their consent, and the addresses they verified. */
export async function findProfile(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      phone: true,
      locale: true,
      textReminders: true,
      verifiedPhone: true,
      passwordHash: true,
      privacyConsentVersion: true,
      privacyConsentAt: true,
    },
  });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return {
    ...rest,
    /** An account made with a phone number has none: it confirms with a texted code. */
    hasPassword: passwordHash !== NO_PASSWORD,
    locale: user.locale === "en" ? ("en" as const) : ("zh-CN" as const),
    ...(await verifiedContacts(userId)),
  };
}
