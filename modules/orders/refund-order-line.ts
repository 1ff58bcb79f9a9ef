import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import type { Farmer } from "@/modules/auth/farmer-scope";
import { releaseStock, type Tx } from "@/modules/inventory/capacity";
import { type LineRefundInput, planLineRefund } from "./line-refund-rules";
import { sendLineRefundMail } from "./mails/line-refund-mail";
import { recordRefund, sendRefund } from "./refund-payment";
import { sendRefundText } from "./texts/order-texts";

/**
 * Who refunds a product line: its farmer (only their own lines: another farmer's
 * line is "not found"), or an admin (any line).
 */
export type LineRefunder = { kind: "farmer"; farmer: Farmer; actor: AuditActor } | { kind: "admin"; actor: AuditActor };

export type LineRefundResult = {
  refundId: string;
  quantity: number;
  amountCents: number;
  orderStatus: "PARTIALLY_REFUNDED" | "REFUNDED";
  lineCancelled: boolean;
  /** The provider has not confirmed the refund yet; it stays visible and can be retried. */
  refundPending: boolean;
};

const scopeOf = (by: LineRefunder) => (by.kind === "farmer" ? { farmerId: by.farmer.id } : {});

/** Goods already with the buyer: their units are refunded, but no stock comes back. */
const HANDED_OVER = new Set(["SHIPPED", "COLLECTED"]);

const lineSelect = {
  id: true,
  orderId: true,
  productId: true,
  quantity: true,
  unitPriceCents: true,
  totalCents: true,
  deliveryFeeCents: true,
  refundedQuantity: true,
  refundedCents: true,
  fulfilmentStatus: true,
  order: { select: { status: true, code: true } },
} as const;

function refusal(key: string): UserError {
  const field =
    key.endsWith("tooManyUnits") || key.endsWith(".quantity") ? "quantity" : key.endsWith("tooMuch") ? "amount" : null;
  return new UserError(key, field ? { [field]: key } : {});
}

/**
 * Refunds a paid order's product line, wholly or in part, by units or by an
 * amount, with a reason. In one transaction: a guarded update of the line's
 * refunded units and money (two refunds at once can never exceed the line), the
 * stock of the units given back when the goods were not handed over, the line
 * cancelled when nothing is left of it, the order's status, the Refund against
 * the order's payment, and the audit entry. After the commit the provider is
 * asked to pay it back (the refund's id is the idempotency key; unconfirmed it
 * stays pending and can be retried) and the buyer gets a mail saying what and why, and a text
 * saying how much.
 */
export async function refundOrderLine(by: LineRefunder, input: LineRefundInput): Promise<LineRefundResult> {
  const where = { id: input.itemId, kind: "PRODUCT" as const, ...scopeOf(by) };
  const known = await db.orderItem.findFirst({ where, select: { id: true } });
  if (!known) throw new UserError("errors.notFound");

  const outcome = await db.$transaction(
    async (tx) => {
      const { line, plan, wholeLine } = await claimLineRefund(tx, where, input);
      const orderStatus = await settleOrderStatus(tx, line.orderId);
      const refund = await recordRefund(
        tx,
        line.orderId,
        plan.amountCents,
        {
          reason: input.reason,
          orderItemId: line.id,
          quantity: plan.quantity,
          note: input.note,
          createdById: by.actor.id,
        },
        { exact: true },
      );
      if (!refund) throw new UserError("lineRefund.errors.payment");

      await recordAudit(tx, by.actor, {
        action: "order.lineRefund",
        entityType: "order",
        entityId: line.orderId,
        changes: {
          line: line.id,
          quantity: plan.quantity,
          refundedCents: plan.amountCents,
          reason: input.reason,
          note: input.note,
          status: { from: line.order.status, to: orderStatus },
          ...(wholeLine ? { fulfilmentStatus: { from: line.fulfilmentStatus, to: "CANCELLED" } } : {}),
        },
      });
      return { refundId: refund.id, orderId: line.orderId, plan, wholeLine, orderStatus };
    },
    { maxWait: 30_000, timeout: 30_000 },
  );

  log().info(
    {
      orderId: outcome.orderId,
      itemId: input.itemId,
      refundId: outcome.refundId,
      quantity: outcome.plan.quantity,
      amountCents: outcome.plan.amountCents,
      orderStatus: outcome.orderStatus,
      by: by.kind,
    },
    "line refund recorded",
  );
  const confirmed = await sendRefund(outcome.refundId);
  await sendLineRefundMail(outcome.refundId);
  await sendRefundText(outcome.orderId, outcome.plan.amountCents);
  return {
    refundId: outcome.refundId,
    quantity: outcome.plan.quantity,
    amountCents: outcome.plan.amountCents,
    orderStatus: outcome.orderStatus,
    lineCancelled: outcome.wholeLine,
    refundPending: !confirmed,
  };
}

/**
 * Inside the refund's transaction: the line (within the caller's scope, of a paid order) takes
 * the refund by one guarded update, is cancelled when nothing is left of it, and gives its units
 * back to stock unless the goods were handed over.
 */
async function claimLineRefund(
  tx: Tx,
  where: { id: string; kind: "PRODUCT"; farmerId?: string },
  input: LineRefundInput,
) {
  const line = await tx.orderItem.findFirst({ where, select: lineSelect });
  if (!line) throw new UserError("errors.notFound");
  if (
    (line.order.status !== "PAID" && line.order.status !== "PARTIALLY_REFUNDED") ||
    line.fulfilmentStatus === "AWAITING_PAYMENT"
  ) {
    throw new UserError("lineRefund.errors.notPaid");
  }
  const plan = planLineRefund(line, input.refund);
  if ("error" in plan) throw refusal(plan.error);

  // The guard: whatever was refunded meanwhile, the line never gives back more than it holds.
  const claimed = await tx.$executeRaw`
    UPDATE "OrderItem"
    SET "refundedQuantity" = "refundedQuantity" + ${plan.quantity}, "refundedCents" = "refundedCents" + ${plan.amountCents}
    WHERE "id" = ${line.id}
      AND "refundedQuantity" + ${plan.quantity} <= "quantity"
      AND "refundedCents" + ${plan.amountCents} <= "totalCents" + "deliveryFeeCents"`;
  if (claimed !== 1) throw new UserError("lineRefund.errors.changed");
  // Read again under the row lock just taken: a refund that committed meanwhile may have left
  // this one the last, so whether the line is now wholly refunded is decided on these figures.
  const fresh = await tx.orderItem.findUniqueOrThrow({
    where: { id: line.id },
    select: {
      quantity: true,
      refundedQuantity: true,
      totalCents: true,
      deliveryFeeCents: true,
      refundedCents: true,
    },
  });
  const wholeLine =
    fresh.refundedQuantity >= fresh.quantity || fresh.refundedCents >= fresh.totalCents + fresh.deliveryFeeCents;
  // Also guarded by the fulfilment step the stock decision rests on (a line handed over meanwhile).
  const moved = await tx.orderItem.updateMany({
    where: { id: line.id, fulfilmentStatus: line.fulfilmentStatus },
    data: { fulfilmentStatus: wholeLine ? "CANCELLED" : line.fulfilmentStatus },
  });
  if (moved.count !== 1) throw new UserError("lineRefund.errors.changed");
  if (plan.quantity > 0 && line.productId && !HANDED_OVER.has(line.fulfilmentStatus)) {
    await releaseStock(tx, line.productId, plan.quantity);
  }
  return { line, plan, wholeLine };
}

/** The order's status after the refund, guarded by its paid states: refunded once no ticket or product line is left. */
async function settleOrderStatus(tx: Tx, orderId: string) {
  const [validTickets, openLines] = await Promise.all([
    tx.ticket.count({ where: { orderId, status: "VALID" } }),
    tx.orderItem.count({
      where: { orderId, kind: "PRODUCT", fulfilmentStatus: { not: "CANCELLED" } },
    }),
  ]);
  const orderStatus = validTickets === 0 && openLines === 0 ? ("REFUNDED" as const) : ("PARTIALLY_REFUNDED" as const);
  const changed = await tx.order.updateMany({
    where: { id: orderId, status: { in: ["PAID", "PARTIALLY_REFUNDED"] } },
    data: { status: orderStatus, ...(orderStatus === "REFUNDED" ? { cancelledAt: new Date() } : {}) },
  });
  if (changed.count !== 1) throw new UserError("lineRefund.errors.changed");
  return orderStatus;
}

/** Asks the provider again for a line refund it has not confirmed; only within the caller's scope. */
export async function retryLineRefund(by: LineRefunder, refundId: string): Promise<{ confirmed: true }> {
  const refund = await db.refund.findFirst({
    where: { id: refundId, orderItem: { kind: "PRODUCT", ...scopeOf(by) } },
    select: { id: true, providerRef: true, payment: { select: { orderId: true } } },
  });
  if (!refund) throw new UserError("errors.notFound");
  if (refund.providerRef) return { confirmed: true };
  log().info({ orderId: refund.payment.orderId, refundId: refund.id, by: by.kind }, "refund retried");
  if (!(await sendRefund(refund.id))) throw new UserError("lineRefund.errors.providerFailed");
  await recordAudit(db, by.actor, {
    action: "order.lineRefundRetry",
    entityType: "order",
    entityId: refund.payment.orderId,
    changes: { refundId: refund.id },
  });
  return { confirmed: true };
}
