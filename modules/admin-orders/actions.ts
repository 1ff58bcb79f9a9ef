"use server";
import { z } from "zod";
import { defineAction } from "@/modules/auth/guards";
import type { CurrentUser } from "@/modules/auth/session";
import { lineRefundInputSchema } from "@/modules/orders/line-refund-rules";
import { refundOrderLine, retryLineRefund } from "@/modules/orders/refund-order-line";
import { requeryDifference } from "./reconciliation";

// The admin's refunds of product lines: any farmer's line, recorded under the admin's name.

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

export const adminRefundLineAction = defineAction(
  { input: lineRefundInputSchema, permission: "orders.refundLines" },
  async (input, { user }) => refundOrderLine({ kind: "admin", actor: signedIn(user) }, input),
);

export const adminRetryLineRefundAction = defineAction(
  { input: z.object({ refundId: z.string().trim().min(1).max(64) }), permission: "orders.refundLines" },
  async ({ refundId }, { user }) => retryLineRefund({ kind: "admin", actor: signedIn(user) }, refundId),
);

export const requeryPaymentAction = defineAction(
  { input: z.object({ differenceId: z.string().trim().min(1).max(64) }), permission: "payments.reconcile" },
  async ({ differenceId }, { user }) => requeryDifference(differenceId, signedIn(user)),
);
