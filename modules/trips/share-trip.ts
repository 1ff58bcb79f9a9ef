import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

// A read-only link to a plan: an unguessable token; taking it back makes the old
// link "not found".

/** The plan's share token (made on first share); null when the plan is not the account's. */
export async function shareTrip(userId: string, id: string): Promise<string | null> {
  const trip = await db.tripPlan.findFirst({ where: { id, userId }, select: { shareToken: true } });
  if (!trip) return null;
  if (trip.shareToken) return trip.shareToken;
  const token = randomBytes(18).toString("base64url");
  const updated = await db.tripPlan.updateMany({
    where: { id, userId, shareToken: null },
    data: { shareToken: token },
  });
  if (updated.count === 1) return token;
  // Shared meanwhile by another request: the first token stands.
  return (await db.tripPlan.findFirst({ where: { id, userId }, select: { shareToken: true } }))?.shareToken ?? null;
}

export async function unshareTrip(userId: string, id: string): Promise<boolean> {
  const updated = await db.tripPlan.updateMany({ where: { id, userId }, data: { shareToken: null } });
  return updated.count === 1;
}
