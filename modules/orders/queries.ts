import "server-only";
import { tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";
import { LINE_REFUNDS } from "./line-refund-rules";

/**
 * An order as its buyer sees it, for whoever holds its access token or owns it
 * (signed in). Anyone else gets null, exactly as for an order that does not exist.
 */
export async function findOrderForCaller(id: string, token: string | null, userId: string | null) {
  const order = await readOrder(id);
  if (!order) return null;
  const owner = userId !== null && order.userId === userId;
  if (!owner && !(token && tokenMatches(token, order.accessTokenHash))) return null;
  return {
    id: order.id,
    code: order.code,
    status: order.status.toLowerCase(),
    totalCents: order.totalCents,
    currency: order.currency,
    expiresAt: order.expiresAt.toISOString(),
    customer: { name: order.customerName, phone: order.customerPhone, email: order.customerEmail },
    items: order.items.map(itemView),
    tickets:
      order.status === "PAID" || order.status === "PARTIALLY_REFUNDED" || order.status === "REFUNDED"
        ? order.tickets.map(ticketView)
        : [],
    // Who took the money, and each refund: sent to the provider, and whether it reached the buyer.
    paidWith: order.payments[0]?.provider.toLowerCase() ?? null,
    refunds: order.payments.flatMap((p) =>
      p.refunds.map((r) => ({
        id: r.id,
        amountCents: r.amountCents,
        createdAt: r.createdAt.toISOString(),
        status: !r.providerRef ? "pending" : r.settledAt ? "settled" : "processing",
      })),
    ),
  };
}

/** The order with its lines (farmer, pickup session, refunds) and tickets (festival, venue, cut-off). */
function readOrder(id: string) {
  return db.order.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: { createdAt: "asc" },
        include: {
          farmer: {
            select: {
              id: true,
              displayName: true,
              workshop: {
                select: { slug: true, nameZh: true, nameEn: true, openingHoursZh: true, openingHoursEn: true },
              },
            },
          },
          pickupSession: {
            select: { startsAt: true, endsAt: true, festival: { select: { nameZh: true, nameEn: true } } },
          },
          product: { select: { unit: true } },
          refunds: LINE_REFUNDS,
        },
      },
      payments: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          provider: true,
          refunds: {
            orderBy: { createdAt: "asc" },
            select: { id: true, amountCents: true, createdAt: true, providerRef: true, settledAt: true },
          },
        },
      },
      tickets: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          code: true,
          sessionId: true,
          ticketTypeId: true,
          status: true,
          checkedInAt: true,
          holderName: true,
          ticketType: { select: { nameZh: true, nameEn: true } },
          session: {
            select: {
              startsAt: true,
              endsAt: true,
              festival: {
                select: { nameZh: true, nameEn: true, venueZh: true, venueEn: true, cancellationCutoffHours: true },
              },
            },
          },
        },
      },
    },
  });
}

type FoundOrder = NonNullable<Awaited<ReturnType<typeof readOrder>>>;

/** A line as the buyer sees it: a ticket line, or a product line with its farmer, fulfilment and refunds. */
function itemView(i: FoundOrder["items"][number]) {
  return {
    id: i.id,
    kind: i.kind.toLowerCase(),
    ticketTypeId: i.ticketTypeId,
    sessionId: i.sessionId,
    name: { zh: i.nameZh, en: i.nameEn },
    quantity: i.quantity,
    unitPriceCents: i.unitPriceCents,
    totalCents: i.totalCents,
    unit: i.product?.unit ?? null,
    // A product line's refunds (spoiled, short weight…): what went back and why; pending until the provider confirmed.
    refundedQuantity: i.refundedQuantity,
    refundedCents: i.refundedCents,
    refunds: i.refunds.map((r) => ({
      id: r.id,
      quantity: r.quantity,
      amountCents: r.amountCents,
      reason: r.reason,
      note: r.note,
      confirmed: r.providerRef !== null,
      createdAt: r.createdAt.toISOString(),
    })),
    // Workshop products: whose they are and how they reach the buyer.
    farmer: i.farmer
      ? {
          id: i.farmer.id,
          name: i.farmer.displayName,
          workshop: {
            slug: i.farmer.workshop.slug,
            name: { zh: i.farmer.workshop.nameZh, en: i.farmer.workshop.nameEn },
            openingHours: { zh: i.farmer.workshop.openingHoursZh, en: i.farmer.workshop.openingHoursEn },
          },
        }
      : null,
    fulfilment:
      i.kind === "PRODUCT" && i.fulfilmentMethod
        ? {
            method: i.fulfilmentMethod.toLowerCase() as "workshop_pickup" | "festival_pickup" | "delivery",
            status: i.fulfilmentStatus.toLowerCase() as Lowercase<typeof i.fulfilmentStatus>,
            trackingNumber: i.trackingNumber,
            deliveryFeeCents: i.deliveryFeeCents,
            address: (i.deliveryAddress ?? null) as Record<string, string> | null,
            // Workshop pickup: when the buyer means to come (an ISO instant), if they said.
            pickupAt: i.pickupAt?.toISOString() ?? null,
            pickupSession: i.pickupSession
              ? {
                  startsAt: i.pickupSession.startsAt.toISOString(),
                  endsAt: i.pickupSession.endsAt.toISOString(),
                  festival: { zh: i.pickupSession.festival.nameZh, en: i.pickupSession.festival.nameEn },
                }
              : null,
          }
        : null,
  };
}

/** A ticket as the buyer sees it (only once the order is paid). */
function ticketView(t: FoundOrder["tickets"][number]) {
  return {
    id: t.id,
    code: t.code,
    sessionId: t.sessionId,
    ticketTypeId: t.ticketTypeId,
    status: t.status.toLowerCase(),
    checkedInAt: t.checkedInAt?.toISOString() ?? null,
    holder: t.holderName,
    ticketType: { zh: t.ticketType.nameZh, en: t.ticketType.nameEn },
    festival: { zh: t.session.festival.nameZh, en: t.session.festival.nameEn },
    venue: { zh: t.session.festival.venueZh, en: t.session.festival.venueEn },
    startsAt: t.session.startsAt.toISOString(),
    endsAt: t.session.endsAt.toISOString(),
    // Until then the buyer may cancel the ticket for a refund.
    cancellableUntil: new Date(
      t.session.startsAt.getTime() - t.session.festival.cancellationCutoffHours * 3_600_000,
    ).toISOString(),
  };
}
