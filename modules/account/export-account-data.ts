import "server-only";
import { db } from "@/lib/db";
import { accountOrdersWhere, verifiedContacts } from "./account-scope";

/**
 * Everything the site keeps about the account, for "download my data": the
 * profile (never the password hash), the consents, the orders the account lists
 * (items, tickets, payments' amounts), trip plans and verified contacts.
 */
export async function exportAccountData(userId: string, now = new Date()) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      role: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      privacyConsentVersion: true,
      privacyConsentAt: true,
      farmerProfile: {
        select: {
          displayName: true,
          village: true,
          phone: true,
          status: true,
          createdAt: true,
          workshop: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
  if (!user) return null;
  const contacts = await db.contactVerification.findMany({
    where: { userId, verifiedAt: { not: null } },
    orderBy: { verifiedAt: "asc" },
    select: { channel: true, address: true, verifiedAt: true },
  });
  const verified = await verifiedContacts(userId);
  const orders = await db.order.findMany({
    where: accountOrdersWhere(userId, verified),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      code: true,
      userId: true,
      status: true,
      customerName: true,
      customerPhone: true,
      customerEmail: true,
      totalCents: true,
      currency: true,
      locale: true,
      privacyConsentVersion: true,
      createdAt: true,
      paidAt: true,
      cancelledAt: true,
      items: {
        orderBy: { createdAt: "asc" },
        select: {
          kind: true,
          nameZh: true,
          nameEn: true,
          quantity: true,
          unitPriceCents: true,
          totalCents: true,
          currency: true,
          fulfilmentMethod: true,
          fulfilmentStatus: true,
          deliveryAddress: true,
          deliveryFeeCents: true,
          trackingNumber: true,
          session: { select: { startsAt: true, endsAt: true } },
        },
      },
      tickets: {
        orderBy: { createdAt: "asc" },
        select: {
          code: true,
          status: true,
          priceCents: true,
          holderName: true,
          checkedInAt: true,
          ticketType: { select: { nameZh: true, nameEn: true } },
          session: {
            select: { startsAt: true, endsAt: true, festival: { select: { nameZh: true, nameEn: true } } },
          },
        },
      },
      payments: {
        orderBy: { createdAt: "asc" },
        select: {
          provider: true,
          status: true,
          amountCents: true,
          refundedCents: true,
          currency: true,
          createdAt: true,
          refunds: { orderBy: { createdAt: "asc" }, select: { amountCents: true, createdAt: true } },
        },
      },
    },
  });
  const plans = await db.tripPlan.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      title: true,
      days: true,
      shareToken: true,
      createdAt: true,
      updatedAt: true,
      items: {
        orderBy: { position: "asc" },
        select: {
          kind: true,
          day: true,
          startMinutes: true,
          quantity: true,
          note: true,
          route: { select: { slug: true, titleZh: true, titleEn: true } },
          session: { select: { startsAt: true, festival: { select: { nameZh: true, nameEn: true } } } },
          product: { select: { nameZh: true, nameEn: true } },
          ticketType: { select: { nameZh: true, nameEn: true } },
        },
      },
    },
  });
  // Waiting lists joined while signed in, or as a guest with a verified address.
  const waitlist = await db.waitlistEntry.findMany({
    where: {
      OR: [
        { userId },
        ...(verified.emails.length > 0 ? [{ customerEmail: { in: verified.emails } }] : []),
        ...(verified.phones.length > 0 ? [{ customerPhone: { in: verified.phones } }] : []),
      ],
    },
    orderBy: { createdAt: "asc" },
    select: {
      quantity: true,
      status: true,
      customerName: true,
      customerPhone: true,
      customerEmail: true,
      privacyConsentVersion: true,
      offeredAt: true,
      offerExpiresAt: true,
      createdAt: true,
      order: { select: { code: true } },
      ticketType: { select: { nameZh: true, nameEn: true } },
      session: { select: { startsAt: true, festival: { select: { nameZh: true, nameEn: true } } } },
    },
  });
  const { farmerProfile, privacyConsentVersion, privacyConsentAt, ...profile } = user;
  return {
    exportedAt: now.toISOString(),
    profile: { ...profile, farmerProfile },
    consents: {
      account: privacyConsentVersion ? { privacyNotice: privacyConsentVersion, agreedAt: privacyConsentAt } : null,
      orders: orders.flatMap((o) =>
        o.privacyConsentVersion
          ? [{ order: o.code, privacyNotice: o.privacyConsentVersion, agreedAt: o.createdAt }]
          : [],
      ),
    },
    verifiedContacts: contacts,
    orders: orders.map(({ userId: owner, ...o }) => ({ ...o, placedAs: owner === userId ? "account" : "guest" })),
    tripPlans: plans,
    waitlist,
  };
}

export type AccountExport = NonNullable<Awaited<ReturnType<typeof exportAccountData>>>;
