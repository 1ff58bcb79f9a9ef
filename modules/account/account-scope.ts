import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";

/** The e-mail addresses and mobile numbers the user has proved are theirs, with a code sent to each. */
export type VerifiedContacts = { emails: string[]; phones: string[] };

export async function verifiedContacts(userId: string): Promise<VerifiedContacts> {
  const rows = await db.contactVerification.findMany({
    where: { userId, verifiedAt: { not: null } },
    select: { channel: true, address: true },
  });
  return {
    emails: [...new Set(rows.filter((r) => r.channel === "EMAIL").map((r) => r.address))],
    phones: [...new Set(rows.filter((r) => r.channel === "PHONE").map((r) => r.address))],
  };
}

/**
 * The orders that are the account's: those placed while signed in to it, and guest
 * orders placed with an e-mail address or mobile number it has verified. An
 * address typed at sign-up or in the profile proves nothing, so it opens nothing.
 */
export function accountOrdersWhere(userId: string, contacts: VerifiedContacts): Prisma.OrderWhereInput {
  const guest: Prisma.OrderWhereInput[] = [];
  if (contacts.emails.length > 0) guest.push({ customerEmail: { in: contacts.emails } });
  if (contacts.phones.length > 0) guest.push({ customerPhone: { in: contacts.phones } });
  if (guest.length === 0) return { userId };
  return { OR: [{ userId }, { userId: null, OR: guest }] };
}

/** The account's orders as a `where`, read afresh. */
export async function accountOrders(userId: string): Promise<Prisma.OrderWhereInput> {
  return accountOrdersWhere(userId, await verifiedContacts(userId));
}
