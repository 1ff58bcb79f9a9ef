import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { log } from "@/lib/log";
import type { ProviderName } from "@/lib/payments/types";
import type { Tx } from "@/modules/inventory/capacity";

/**
 * Applies an event's change and records its id in one transaction, so a second
 * delivery of the same event changes nothing. Returns false for a replay.
 */
export async function applyOnce(
  event: { id: string; type: string },
  orderId: string | null,
  change: (tx: Tx) => Promise<void> = async () => {},
  provider: ProviderName = "STRIPE",
): Promise<boolean> {
  try {
    await db.$transaction(async (tx) => {
      await tx.paymentEvent.create({ data: { id: event.id, provider, type: event.type, orderId } });
      await change(tx);
    });
    return true;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const seen = await db.paymentEvent.findUnique({ where: { id: event.id }, select: { id: true } });
    if (seen) {
      log().info({ eventId: event.id, type: event.type, orderId }, "webhook duplicate");
      return false;
    }
    throw error;
  }
}
