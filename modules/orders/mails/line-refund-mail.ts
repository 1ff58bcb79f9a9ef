import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { type EmailOutcome, sendEmail } from "@/lib/mail/send";
import { orderPageUrl } from "@/lib/order-links";
import { LINE_REFUND_REASONS, type LineRefundReason } from "../line-refund-rules";
import { composeLineRefundMail } from "./compose-line-refund";

const isReason = (reason: string | null): reason is LineRefundReason =>
  (LINE_REFUND_REASONS as readonly (string | null)[]).includes(reason);

/** Mails the buyer about one refund of a product line (kept in the outbox like every mail). */
export async function sendLineRefundMail(refundId: string): Promise<EmailOutcome | null> {
  const refund = await db.refund.findUnique({
    where: { id: refundId },
    select: {
      amountCents: true,
      quantity: true,
      reason: true,
      note: true,
      orderItem: {
        select: {
          nameZh: true,
          nameEn: true,
          product: { select: { unit: true } },
          farmer: { select: { displayName: true } },
          order: {
            select: { id: true, code: true, locale: true, customerName: true, customerEmail: true, currency: true },
          },
        },
      },
    },
  });
  const line = refund?.orderItem;
  if (!refund || !line) return null;
  const locale = isLocale(line.order.locale) ? line.order.locale : defaultLocale;
  const mail = composeLineRefundMail(
    {
      order: line.order,
      farmer: line.farmer?.displayName ?? "",
      product: { zh: line.nameZh, en: line.nameEn },
      unit: line.product?.unit ?? null,
      quantity: refund.quantity,
      amountCents: refund.amountCents,
      reason: isReason(refund.reason) ? refund.reason : "other",
      note: refund.note,
    },
    { locale, orderUrl: orderPageUrl(line.order.id, locale) },
  );
  return sendEmail({ to: line.order.customerEmail, orderId: line.order.id, ...mail });
}
