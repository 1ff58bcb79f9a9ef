import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { hashPassword, verifyPassword } from "@/modules/auth/password";
import { checkPhoneCode } from "@/modules/auth/phone-codes";
import { NO_PASSWORD } from "@/modules/auth/phone-sign-in";
import { cancelOrder } from "@/modules/orders/cancel-order";
import { planAccountDeletion } from "./plan-account-deletion";

const E = "account.delete.errors";

/** The e-mail a deleted account keeps: unique, unroutable (RFC 2606's .invalid), and it frees the real one. */
export function deletedEmail(userId: string): string {
  return `deleted-${userId}@deleted.invalid`;
}

export type DeletionResult = { cancelledTickets: number; refundedCents: number; keptValid: number };

/**
 * Deletes a visitor's account (PIPL's right to erasure), once the password is
 * right. First, as the buyer would: unpaid orders are cancelled, and coming
 * tickets before their festival's cut-off are cancelled and refunded. Then, in one
 * transaction, the personal fields go: the account's (e-mail → a placeholder, so
 * the address can sign up again; name, mobile; the password hash replaced; disabled
 * and marked deleted, its session version raised so every session ends) and those
 * of every order the account lists (buyer's name, mobile, e-mail, delivery
 * addresses, ticket holders), with the mails and texts sent to its verified
 * addresses; trip plans, verifications and reset links are deleted. Paid orders
 * stay, with their amounts, for accounting.
 *
 * Tickets past the cut-off are neither cancelled nor refunded: cancelling would
 * throw away seats the visitor paid for, with no refund under the festival's
 * rules. They stay valid, and the link in the confirmation mail still opens them.
 */
export async function deleteAccount(
  userId: string,
  confirmation: string | { password?: string; code?: string },
  now = new Date(),
): Promise<DeletionResult> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, verifiedPhone: true, passwordHash: true, disabledAt: true, deletedAt: true },
  });
  if (!user || user.deletedAt || user.disabledAt) throw new UserError("errors.signInRequired");
  await checkConfirmation(user, typeof confirmation === "string" ? { password: confirmation } : confirmation, now);
  const plan = await planAccountDeletion(userId, now);
  if (!plan) throw new UserError("errors.signInRequired");
  if (plan.staffRole) throw new UserError(`${E}.staffRole`);
  if (plan.unsentParcels.length > 0) throw new UserError(`${E}.parcelsUnderWay`);

  // Waiting lists first, so the seats the cancellations below return are not offered to this account.
  // An entry already offered has a pending order among the account's, cancelled next.
  const entries = {
    OR: [
      { userId },
      ...(plan.contacts.emails.length > 0 ? [{ customerEmail: { in: plan.contacts.emails } }] : []),
      ...(plan.contacts.phones.length > 0 ? [{ customerPhone: { in: plan.contacts.phones } }] : []),
    ],
  };
  await db.waitlistEntry.updateMany({ where: { ...entries, status: "WAITING" }, data: { status: "LEFT" } });
  // A cancellation that fails (the order changed meanwhile) stops here, before anything is erased: try again.
  for (const orderId of plan.pendingOrderIds) {
    await cancelOrder({ orderId, ticketIds: "all", by: { kind: "buyer" }, now });
  }
  let refundedCents = 0;
  const byOrder = new Map<string, string[]>();
  for (const t of plan.refundable) byOrder.set(t.orderId, [...(byOrder.get(t.orderId) ?? []), t.id]);
  for (const [orderId, ticketIds] of byOrder) {
    const result = await cancelOrder({ orderId, ticketIds, by: { kind: "buyer" }, now });
    refundedCents += result.refundedCents;
  }

  const placeholder = deletedEmail(userId);
  // Nobody knows this password: the hash is as costly to test as any other.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  // Only what the account proved is its own: an address or number merely typed at sign-up
  // or in the profile may be someone else's, whose mails and texts are not this account's to erase.
  const emails = plan.contacts.emails;
  const phones = [...new Set([...(user.verifiedPhone ? [user.verifiedPhone] : []), ...plan.contacts.phones])];
  await db.$transaction(
    async (tx) => {
      const claimed = await tx.user.updateMany({
        where: { id: userId, deletedAt: null },
        data: {
          email: placeholder,
          name: "",
          phone: null,
          // The number is free to make a new account.
          verifiedPhone: null,
          passwordHash,
          disabledAt: now,
          deletedAt: now,
          sessionVersion: { increment: 1 },
        },
      });
      if (claimed.count !== 1) throw new UserError("errors.signInRequired");
      const orderIds = plan.orderIds;
      await tx.order.updateMany({
        where: { id: { in: orderIds } },
        data: { customerName: "", customerPhone: "", customerEmail: "" },
      });
      await tx.orderItem.updateMany({ where: { orderId: { in: orderIds } }, data: { deliveryAddress: Prisma.DbNull } });
      await tx.ticket.updateMany({ where: { orderId: { in: orderIds } }, data: { holderName: null } });
      // Mails of these orders, and the account's own mails (resets, codes); not mails of others' orders.
      await tx.email.updateMany({
        where: { OR: [{ orderId: { in: orderIds } }, { orderId: null, to: { in: emails } }] },
        data: { to: placeholder, text: "", html: null },
      });
      if (phones.length > 0)
        await tx.textMessage.updateMany({ where: { to: { in: phones } }, data: { to: "", text: "" } });
      // Its waiting-list entries keep no name, mobile or e-mail.
      await tx.waitlistEntry.updateMany({
        where: entries,
        data: { userId: null, customerName: "", customerPhone: "", customerEmail: "" },
      });
      await tx.tripPlan.deleteMany({ where: { userId } });
      await tx.contactVerification.deleteMany({ where: { userId } });
      await tx.passwordReset.deleteMany({ where: { userId } });
      // An application to sell that was never approved has no products: it goes with the account.
      await tx.farmerProfile.deleteMany({ where: { userId, status: { not: "APPROVED" } } });
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
  return {
    cancelledTickets: plan.refundable.length,
    refundedCents,
    keptValid: plan.keptValid.length,
  };
}

/**
 * The account's password, or for an account made with a phone number (it has no
 * password) the code just texted to that number.
 */
async function checkConfirmation(
  user: { passwordHash: string; verifiedPhone: string | null },
  { password, code }: { password?: string; code?: string },
  now: Date,
): Promise<void> {
  if (user.passwordHash === NO_PASSWORD && user.verifiedPhone) {
    const checked = await checkPhoneCode(user.verifiedPhone, (code ?? "").trim(), now);
    if (checked.ok) return;
    const key =
      checked.reason === "wrong"
        ? "phone.errors.codeWrong"
        : checked.reason === "locked"
          ? "phone.errors.codeLocked"
          : "phone.errors.codeExpired";
    throw new UserError("errors.checkFields", { code: key }, { code: { left: checked.left ?? 0 } });
  }
  if (!(await verifyPassword(user.passwordHash, password ?? ""))) {
    throw new UserError("errors.checkFields", { password: "validation.password.wrongCurrent" });
  }
}
