import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import { queryTrade } from "@/modules/payments/provider-trades";

// The administrator's side of the daily reconciliation (modules/payments/reconcile.ts):
// the differences still open, the recent runs, and asking the provider again about one.

export async function openDifferences() {
  return db.reconciliationDifference.findMany({
    where: { resolvedAt: null },
    orderBy: { createdAt: "desc" },
    take: 200,
    include: { reconciliation: { select: { provider: true, day: true } } },
  });
}

export async function recentReconciliations() {
  return db.reconciliation.findMany({
    orderBy: [{ day: "desc" }, { provider: "asc" }],
    take: 30,
    include: { _count: { select: { differences: { where: { resolvedAt: null } } } } },
  });
}

/**
 * Asks the provider again about the order behind a difference (an authenticated call,
 * as on the buyer's return): money it confirms is applied (the order paid, or the money
 * refunded if the order cannot take it). A payment difference that then holds no more is
 * resolved. Audited. Returns whether it was resolved.
 */
export async function requeryDifference(
  differenceId: string,
  actor: AuditActor,
): Promise<{ resolved: boolean; state: string }> {
  const difference = await db.reconciliationDifference.findUnique({
    where: { id: differenceId },
    include: { reconciliation: { select: { provider: true } } },
  });
  if (!difference) throw new UserError("errors.notFound");
  const trade = await db.providerTrade.findUnique({ where: { outTradeNo: difference.outTradeNo } });
  if (!trade) throw new UserError("reconciliation.noTrade");
  const state = await queryTrade(trade);
  const payment = await db.payment.findUnique({ where: { providerRef: difference.outTradeNo } });
  const resolved =
    difference.kind === "paid_there_not_here"
      ? payment !== null
      : difference.kind === "amount_differs"
        ? payment?.amountCents === difference.providerCents
        : difference.kind === "paid_here_not_there"
          ? state === "paid"
          : false;
  await db.$transaction(async (tx) => {
    if (resolved)
      await tx.reconciliationDifference.updateMany({
        where: { id: difference.id, resolvedAt: null },
        data: { resolvedAt: new Date() },
      });
    await recordAudit(tx, actor, {
      action: "order.paymentRequery",
      entityType: "order",
      entityId: trade.orderId,
      changes: { outTradeNo: difference.outTradeNo, kind: difference.kind, provider: state, resolved },
    });
  });
  return { resolved, state };
}
