import "server-only";
import { db } from "@/lib/db";
import { verifiedPhonesCookieValue, verifiedPhonesIn } from "./verified-phones";

/**
 * The numbers a request may buy with as their owner: those its browser proved with a
 * code (the signed cookie), and those the signed-in account proved (its sign-in number
 * and verified contacts).
 */
export async function provenPhones(request: Request, userId: string | null): Promise<Set<string>> {
  const phones = verifiedPhonesIn(verifiedPhonesCookieValue(request.headers.get("cookie")));
  if (!userId) return phones;
  const [user, contacts] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { verifiedPhone: true } }),
    db.contactVerification.findMany({
      where: { userId, channel: "PHONE", verifiedAt: { not: null } },
      select: { address: true },
    }),
  ]);
  if (user?.verifiedPhone) phones.add(user.verifiedPhone);
  for (const c of contacts) phones.add(c.address);
  return phones;
}
