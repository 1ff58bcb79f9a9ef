import "server-only";
import { orderAccessToken } from "@/lib/codes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Bilingual } from "@/lib/localized";
import { accountOrders } from "./account-scope";

export type AccountOrderStatus = "pending" | "paid" | "expired" | "cancelled" | "refunded" | "partially_refunded";

export type AccountOrder = {
  id: string;
  code: string;
  status: AccountOrderStatus;
  totalCents: number;
  currency: string;
  createdAt: string;
  /** Placed as a guest, found through a verified e-mail address or mobile number. */
  guest: boolean;
  /** The order's page: its own orders open for the signed-in owner; a guest order needs its token. */
  href: string;
  items: { name: Bilingual; quantity: number }[];
};

/** The most orders the account page lists. */
const LIMIT = 100;

/** The account's orders, newest first, each with its status and the link to its page. */
export async function findAccountOrders(userId: string): Promise<AccountOrder[]> {
  const orders = await db.order.findMany({
    where: await accountOrders(userId),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIMIT,
    select: {
      id: true,
      code: true,
      userId: true,
      status: true,
      totalCents: true,
      currency: true,
      createdAt: true,
      items: { orderBy: { createdAt: "asc" }, select: { nameZh: true, nameEn: true, quantity: true } },
    },
  });
  return orders.map((o) => {
    const guest = o.userId !== userId;
    // The verified contact proves the order is theirs; the order page asks for its token, so the link carries it.
    const query = guest ? `?token=${orderAccessToken(o.id, env.authSecret).token}` : "";
    return {
      id: o.id,
      code: o.code,
      status: o.status.toLowerCase() as AccountOrderStatus,
      totalCents: o.totalCents,
      currency: o.currency,
      createdAt: o.createdAt.toISOString(),
      guest,
      href: `/orders/${o.id}${query}`,
      items: o.items.map((i) => ({ name: { zh: i.nameZh, en: i.nameEn }, quantity: i.quantity })),
    };
  });
}
