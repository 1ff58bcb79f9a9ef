import { z } from "zod";
import { parseYuan } from "@/lib/money";

// A product line's refund: the form's input and the pure rules of how much may go
// back. Messages are catalogue keys (lineRefund.errors.…), translated where shown.

export const LINE_REFUND_REASONS = ["spoiled", "short_weight", "out_of_stock", "other"] as const;
export type LineRefundReason = (typeof LINE_REFUND_REASONS)[number];

const E = "lineRefund.errors";

export const lineRefundInputSchema = z
  .object({
    itemId: z.string().trim().min(1).max(64),
    mode: z.enum(["quantity", "amount"], `${E}.mode`),
    quantity: z.string().max(12).optional(),
    amount: z.string().max(20).optional(),
    includeDeliveryFee: z
      .string()
      .optional()
      .transform((v) => v === "on" || v === "true"),
    reason: z.enum(LINE_REFUND_REASONS, `${E}.reason`),
    note: z.string().trim().max(200, `${E}.noteTooLong`).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.mode === "quantity" && !/^\s*[1-9]\d{0,5}\s*$/.test(v.quantity ?? "")) {
      ctx.addIssue({ code: "custom", path: ["quantity"], message: `${E}.quantity` });
    }
    if (v.mode === "amount") {
      const fen = parseYuan(v.amount ?? "");
      if (fen === null || fen < 1) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: `${E}.amount` });
      }
    }
    if (v.reason === "other" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: `${E}.noteRequired` });
  })
  .transform((v) => ({
    itemId: v.itemId,
    refund:
      v.mode === "quantity"
        ? ({ by: "quantity", quantity: Number(v.quantity), includeDeliveryFee: v.includeDeliveryFee } as const)
        : ({ by: "amount", amountCents: parseYuan(v.amount ?? "") ?? 0 } as const),
    reason: v.reason,
    note: v.note || null,
  }));

export type LineRefundInput = z.output<typeof lineRefundInputSchema>;
export type LineRefundAsk = LineRefundInput["refund"];

/** The money and units of a line, and what its refunds so far took. */
export type RefundableLine = {
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
  deliveryFeeCents: number;
  refundedQuantity: number;
  refundedCents: number;
};

export type LineRefundPlan = { quantity: number; amountCents: number; wholeLine: boolean };

/** What is left to refund on a line: units not yet given back, and money not yet paid back. */
export function lineRemainder(line: RefundableLine) {
  return {
    units: Math.max(0, line.quantity - line.refundedQuantity),
    cents: Math.max(0, line.totalCents + line.deliveryFeeCents - line.refundedCents),
  };
}

/**
 * How much one refund gives back, or the catalogue key of why it cannot.
 * By quantity: units × unit price (plus the delivery fee when asked and the last
 * units go), never more than the money left (a box already refunded in part by
 * weight gives back only what remains). By amount: at most the money left; no
 * units go back. A line is wholly refunded when no units or no money are left.
 */
export function planLineRefund(line: RefundableLine, ask: LineRefundAsk): LineRefundPlan | { error: string } {
  const left = lineRemainder(line);
  if (left.cents === 0) return { error: `${E}.nothingLeft` };
  if (ask.by === "quantity") {
    if (!Number.isInteger(ask.quantity) || ask.quantity < 1) return { error: `${E}.quantity` };
    if (ask.quantity > left.units) return { error: `${E}.tooManyUnits` };
    const last = ask.quantity === left.units;
    const asked = ask.quantity * line.unitPriceCents + (last && ask.includeDeliveryFee ? line.deliveryFeeCents : 0);
    const amountCents = Math.min(asked, left.cents);
    return { quantity: ask.quantity, amountCents, wholeLine: last || amountCents === left.cents };
  }
  if (!Number.isInteger(ask.amountCents) || ask.amountCents < 1) return { error: `${E}.amount` };
  if (ask.amountCents > left.cents) return { error: `${E}.tooMuch` };
  return { quantity: 0, amountCents: ask.amountCents, wholeLine: ask.amountCents === left.cents };
}

/** A line's refunds as the buyer's page and the back offices read them (oldest first). */
export const LINE_REFUNDS = {
  orderBy: { createdAt: "asc" },
  select: {
    id: true,
    quantity: true,
    amountCents: true,
    reason: true,
    note: true,
    providerRef: true,
    createdAt: true,
  },
} as const;
