import "server-only";
import { tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";

/**
 * Links to the account the guest orders this browser placed: each order whose
 * access token (kept by checkout) matches and that belongs to no account yet. The
 * token already opens the order, so linking gives the account nothing more than
 * the browser had; an order of another account is never moved.
 */
export async function claimOrders(
  userId: string,
  orders: { id: string; token: string }[],
): Promise<{ linked: number }> {
  if (orders.length === 0) return { linked: 0 };
  const tokens = new Map(orders.map((o) => [o.id, o.token]));
  const candidates = await db.order.findMany({
    where: { id: { in: [...tokens.keys()] }, userId: null },
    select: { id: true, accessTokenHash: true },
  });
  const matching = candidates.filter((o) => tokenMatches(tokens.get(o.id) ?? "", o.accessTokenHash)).map((o) => o.id);
  if (matching.length === 0) return { linked: 0 };
  const linked = await db.order.updateMany({ where: { id: { in: matching }, userId: null }, data: { userId } });
  return { linked: linked.count };
}
