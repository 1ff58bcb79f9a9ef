import "server-only";
import { db } from "@/lib/db";
import { verifiedContacts } from "./account-scope";

/** The account page's profile: what the user may change, their consent, and the addresses they verified. */
export async function findProfile(userId: string) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { name: true, phone: true, locale: true, privacyConsentVersion: true, privacyConsentAt: true },
  });
  if (!user) return null;
  return {
    ...user,
    locale: user.locale === "en" ? ("en" as const) : ("zh-CN" as const),
    ...(await verifiedContacts(userId)),
  };
}
