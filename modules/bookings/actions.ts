"use server";
import { z } from "zod";
import { UserError } from "@/lib/user-error";
import { defineAction } from "@/modules/auth/guards";
import { resendOrderConfirmation } from "@/modules/email/order-confirmation";
import { cancelOrder, sendRefund } from "@/modules/orders/cancel";
import { canManageOrder } from "./access";

// What an organiser does with one booking. Each checks the permission (bookings.manage)
// and that the order belongs to a festival this organiser runs.

const orderId = z.string().min(1).max(64);

async function assertManages(
  user: { id: string; role: "VISITOR" | "FARMER" | "ORGANISER" | "ADMIN" } | null,
  id: string,
) {
  if (!user || !(await canManageOrder(user, id))) throw new UserError("errors.notFound");
}

export const cancelBookingAction = defineAction(
  {
    input: z.object({
      orderId,
      scope: z.enum(["all", "chosen"]),
      // The chosen ticket ids, separated by commas.
      tickets: z.string().max(20_000).default(""),
      reason: z.string().trim().max(200).optional(),
    }),
    permission: "bookings.manage",
  },
  async (input, { user }) => {
    await assertManages(user, input.orderId);
    const ticketIds = input.scope === "all" ? ("all" as const) : input.tickets.split(",").filter(Boolean);
    if (ticketIds !== "all" && ticketIds.length === 0) throw new UserError("bookings.chooseTickets");
    return cancelOrder({
      orderId: input.orderId,
      ticketIds,
      by: { kind: "staff", userId: user?.id ?? "" },
      reason: input.reason || undefined,
    });
  },
);

export const resendConfirmationAction = defineAction(
  { input: z.object({ orderId }), permission: "bookings.manage" },
  async (input, { user }) => {
    await assertManages(user, input.orderId);
    const outcome = await resendOrderConfirmation(input.orderId);
    return { status: outcome.status };
  },
);

export const retryRefundAction = defineAction(
  { input: z.object({ orderId, refundId: z.string().min(1).max(64) }), permission: "bookings.manage" },
  async (input, { user }) => {
    await assertManages(user, input.orderId);
    if (!(await sendRefund(input.refundId, input.orderId))) throw new UserError("bookings.refundFailed");
    return { confirmed: true };
  },
);
