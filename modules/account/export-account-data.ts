import "server-only";
import { db } from "@/lib/db";
import { accountOrdersWhere, type VerifiedContacts, verifiedContacts } from "./account-scope";

/**
 * Everything the site keeps about the account, for "download my data": the
 * profile (never the password hash), the consents, the orders the account lists
 * (items, tickets, payments' amounts), trip plans and verified contacts.
 */
export async function exportAccountData(userId: string, now = new Date()) {
  const user = await readProfile(userId);
  if (!user) return null;
  const contacts = await readContactVerifications(userId);
  const verified = await verifiedContacts(userId);
  const orders = await readOrders(userId, verified);
  const plans = await readTripPlans(userId);
  const waitlist = await readWaitlist(userId, verified);
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

/** The account's profile and consent, with the farmer's profile if it has one; never the password hash. */
function readProfile(userId: string) {
  return db.user.findUnique({
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
}

/** The mobile numbers and e-mail addresses the account proved it holds, with when. */
function readContactVerifications(userId: string) {
  return db.contactVerification.findMany({
    where: { userId, verifiedAt: { not: null } },
    orderBy: { verifiedAt: "asc" },
    select: { channel: true, address: true, verifiedAt: true },
  });
}

/** The orders the account lists (its own and guest orders of its verified contacts), with items, tickets and payments. */
function readOrders(userId: string, verified: VerifiedContacts) {
  return db.order.findMany({
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
          pickupAt: true,
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
}

function readTripPlans(userId: string) {
  return db.tripPlan.findMany({
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
}

/** Waiting lists joined while signed in, or as a guest with a verified address. */
function readWaitlist(userId: string, verified: VerifiedContacts) {
  return db.waitlistEntry.findMany({
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
}
