"use server";
import { z } from "zod";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { recordAudit } from "@/modules/audit/record-audit";
import { type FestivalScope, festivalScope, scopedFestivalsOfOrder } from "@/modules/auth/festival-scope";
import { defineAction } from "@/modules/auth/guards";
import type { CurrentUser } from "@/modules/auth/session";
import { cancelOrder, sendRefund } from "@/modules/orders/cancel-order";
import { resendOrderConfirmation } from "@/modules/orders/mails/order-confirmation";
import { releaseHeldSeats } from "./release-held-seats";

// What an organiser does with one booking. Each checks the permission (bookings.manage),
// then works within the caller's festival scope, ticket by ticket: an order that also
// holds another festival's tickets is, for this organiser, only their own part.

const orderId = z.string().min(1).max(64);

/** The caller's scope and the order's festivals within it; "not found" when none is theirs. */
async function managedPart(
  user: CurrentUser | null,
  id: string,
): Promise<{ scope: FestivalScope; festivalIds: string[] }> {
  if (!user) throw new UserError("errors.notFound");
  const scope = await festivalScope(user);
  const festivalIds = await scopedFestivalsOfOrder(scope, id);
  if (festivalIds === null) throw new UserError("errors.notFound");
  return { scope, festivalIds };
}

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
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
    const { scope } = await managedPart(user, input.orderId);
    const ticketIds = input.scope === "all" ? ("all" as const) : input.tickets.split(",").filter(Boolean);
    if (ticketIds !== "all" && ticketIds.length === 0) throw new UserError("bookings.chooseTickets");
    return cancelOrder({
      orderId: input.orderId,
      ticketIds,
      by: { kind: "staff", actor: signedIn(user), scope },
      reason: input.reason || undefined,
    });
  },
);

export const resendConfirmationAction = defineAction(
  { input: z.object({ orderId }), permission: "bookings.manage" },
  async (input, { user }) => {
    const { festivalIds } = await managedPart(user, input.orderId);
    const outcome = await resendOrderConfirmation(input.orderId);
    const actor = signedIn(user);
    for (const festivalId of festivalIds.length > 0 ? festivalIds : [null]) {
      await recordAudit(db, actor, {
        action: "booking.resend",
        entityType: "order",
        entityId: input.orderId,
        festivalId,
        changes: { email: outcome.status },
      });
    }
    return { status: outcome.status };
  },
);

export const retryRefundAction = defineAction(
  { input: z.object({ orderId, refundId: z.string().min(1).max(64) }), permission: "bookings.manage" },
  async (input, { user }) => {
    const { scope } = await managedPart(user, input.orderId);
    // An organiser retries only a refund that paid back tickets of their own festivals.
    const refund = await db.refund.findFirst({
      where: {
        id: input.refundId,
        payment: { orderId: input.orderId },
        ...(scope.all ? {} : { tickets: { some: { session: { festivalId: { in: scope.festivalIds } } } } }),
      },
      select: { id: true, amountCents: true, tickets: { select: { session: { select: { festivalId: true } } } } },
    });
    if (!refund) throw new UserError("errors.notFound");
    if (!(await sendRefund(refund.id, input.orderId))) throw new UserError("bookings.refundFailed");
    const festivals = [...new Set(refund.tickets.map((t) => t.session.festivalId))];
    for (const festivalId of festivals.length > 0 ? festivals : [null]) {
      await recordAudit(db, signedIn(user), {
        action: "booking.refundRetry",
        entityType: "order",
        entityId: input.orderId,
        festivalId,
        changes: { refundId: refund.id },
      });
    }
    return { confirmed: true };
  },
);

/**
 * Releases the unpaid holds of one session from one client address (optionally only the
 * orders with unproven numbers): those orders are cancelled and their seats go back on
 * sale. Only for a session of the caller's festivals; any other is "not found".
 */
export const releaseHoldsAction = defineAction(
  {
    input: z.object({
      sessionId: z.string().trim().min(1, "bookings.holds.sessionRequired").max(64),
      clientAddress: z.string().trim().min(1, "bookings.holds.addressRequired").max(100),
      unverifiedOnly: z
        .enum(["true", "false"])
        .default("false")
        .transform((v) => v === "true"),
    }),
    permission: "bookings.manage",
  },
  async (input, { user }) => {
    const actor = signedIn(user);
    return releaseHeldSeats(actor, await festivalScope(actor), input);
  },
);
