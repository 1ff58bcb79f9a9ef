import "server-only";
import type { Db } from "@/lib/db-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Takes `seats` from a session in one guarded statement: it succeeds only while
 * reserved + seats <= capacity, and the database row lock makes concurrent
 * buyers take turns. Returns false when the session cannot take them all.
 */
export async function reserveSeats(tx: Tx, sessionId: string, seats: number): Promise<boolean> {
  const changed = await tx.$executeRaw`
    UPDATE "FestivalSession" SET "reserved" = "reserved" + ${seats}
    WHERE "id" = ${sessionId} AND "reserved" + ${seats} <= "capacity"`;
  return changed === 1;
}

/** Gives seats back (an expired or cancelled hold, a refund). Never below zero. */
export async function releaseSeats(tx: Tx, sessionId: string, seats: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "FestivalSession" SET "reserved" = CASE WHEN "reserved" >= ${seats} THEN "reserved" - ${seats} ELSE 0 END
    WHERE "id" = ${sessionId}`;
}

export type { Tx };

/** Takes `units` of a product's stock, guarded like seats; made-to-order products (no stock) always can. */
export async function reserveStock(tx: Tx, productId: string, units: number): Promise<boolean> {
  const changed = await tx.$executeRaw`
    UPDATE "Product" SET "reserved" = "reserved" + ${units}
    WHERE "id" = ${productId} AND ("stock" IS NULL OR "reserved" + ${units} <= "stock")`;
  return changed === 1;
}

/** Gives stock back. Never below zero. */
export async function releaseStock(tx: Tx, productId: string, units: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Product" SET "reserved" = CASE WHEN "reserved" >= ${units} THEN "reserved" - ${units} ELSE 0 END
    WHERE "id" = ${productId}`;
}

/** Gives back what a hold kept: a session's seats or a product's stock. */
export async function releaseHeld(
  tx: Tx,
  hold: { sessionId: string | null; productId: string | null; quantity: number | bigint },
): Promise<void> {
  if (hold.sessionId) await releaseSeats(tx, hold.sessionId, Number(hold.quantity));
  if (hold.productId) await releaseStock(tx, hold.productId, Number(hold.quantity));
}
