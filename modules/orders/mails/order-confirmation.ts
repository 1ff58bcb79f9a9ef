import "server-only";
import { db } from "@/lib/db";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { type EmailOutcome, sendEmail } from "@/lib/mail/send";
import { orderPageUrl } from "@/lib/order-links";
import { UserError } from "@/lib/user-error";
import { composeOrderConfirmation } from "./compose-confirmation";

const CONFIRMABLE = ["PAID", "PARTIALLY_REFUNDED"] as const;

async function loadOrder(orderId: string) {
  return db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      code: true,
      status: true,
      locale: true,
      customerName: true,
      customerEmail: true,
      totalCents: true,
      currency: true,
      items: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          nameZh: true,
          nameEn: true,
          quantity: true,
          totalCents: true,
          fulfilmentMethod: true,
          deliveryAddress: true,
          deliveryFeeCents: true,
          farmer: {
            select: {
              workshop: { select: { nameZh: true, nameEn: true, openingHoursZh: true, openingHoursEn: true } },
            },
          },
          pickupSession: {
            select: { startsAt: true, endsAt: true, festival: { select: { nameZh: true, nameEn: true } } },
          },
          session: {
            select: {
              id: true,
              startsAt: true,
              endsAt: true,
              festival: {
                select: { nameZh: true, nameEn: true, venueZh: true, venueEn: true, cancellationCutoffHours: true },
              },
            },
          },
        },
      },
      tickets: { where: { status: "VALID" }, orderBy: { createdAt: "asc" }, select: { code: true, orderItemId: true } },
    },
  });
}

type LoadedOrder = NonNullable<Awaited<ReturnType<typeof loadOrder>>>;

function send(order: LoadedOrder): Promise<EmailOutcome> {
  const locale = isLocale(order.locale) ? order.locale : defaultLocale;
  const mail = composeOrderConfirmation(
    {
      ...order,
      items: order.items.map((item) => ({
        id: item.id,
        name: { zh: item.nameZh, en: item.nameEn },
        quantity: item.quantity,
        totalCents: item.totalCents,
        fulfilment:
          item.farmer && item.fulfilmentMethod
            ? {
                workshop: { zh: item.farmer.workshop.nameZh, en: item.farmer.workshop.nameEn },
                openingHours: { zh: item.farmer.workshop.openingHoursZh, en: item.farmer.workshop.openingHoursEn },
                method: item.fulfilmentMethod,
                pickupSession: item.pickupSession && {
                  startsAt: item.pickupSession.startsAt,
                  endsAt: item.pickupSession.endsAt,
                  festival: { zh: item.pickupSession.festival.nameZh, en: item.pickupSession.festival.nameEn },
                },
                address: (item.deliveryAddress ?? null) as Record<string, string> | null,
                deliveryFeeCents: item.deliveryFeeCents,
              }
            : null,
        session: item.session && {
          ...item.session,
          festival: {
            name: { zh: item.session.festival.nameZh, en: item.session.festival.nameEn },
            venue: { zh: item.session.festival.venueZh, en: item.session.festival.venueEn },
            cancellationCutoffHours: item.session.festival.cancellationCutoffHours,
          },
        },
      })),
    },
    { locale, orderUrl: orderPageUrl(order.id, locale) },
  );
  return sendEmail({ to: order.customerEmail, orderId: order.id, ...mail });
}

/**
 * Mails the buyer their confirmation with the ticket codes and the link to the
 * order page (QR tickets, calendar file). Called by markOrderPaid once an order
 * has just become paid; does nothing for an order that is not paid.
 */
export async function sendOrderConfirmation(orderId: string): Promise<EmailOutcome | null> {
  const order = await loadOrder(orderId);
  if (!order || !(CONFIRMABLE as readonly string[]).includes(order.status)) return null;
  return send(order);
}

/** "Resend confirmation" on the organiser's bookings page: only for a paid order. */
export async function resendOrderConfirmation(orderId: string): Promise<EmailOutcome> {
  const order = await loadOrder(orderId);
  if (!order) throw new UserError("errors.notFound");
  if (!(CONFIRMABLE as readonly string[]).includes(order.status)) throw new UserError("email.notPaid");
  return send(order);
}
