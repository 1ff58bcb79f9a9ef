import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import { toExcelCsv } from "@/lib/csv";
import { parseCalendarDate, shanghaiDateParts, shanghaiDateTimeText, startOfShanghaiDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { payingPaymentSelect, paymentReference } from "@/lib/payments/reference";
import type { Farmer } from "@/modules/auth/farmer-scope";
import { addressLine } from "@/modules/inventory/fulfilment";
import { LINE_REFUNDS } from "@/modules/orders/line-refund-rules";
import type { LineStatus } from "./fulfilment-flow";

// A farmer's side of the orders, as reads: only the lines for their own products,
// and only once paid, scoped by farmerId (moving a line on: move-line.ts).

export const LINE_FILTERS = ["open", "PAID", "PACKED", "READY", "SHIPPED", "COLLECTED", "all"] as const;
export type LineFilterStatus = (typeof LINE_FILTERS)[number];
export type LineFilter = { status: LineFilterStatus; day: string | null };

const OPEN: LineStatus[] = ["PAID", "PACKED", "READY"];
const DONE: LineStatus[] = ["SHIPPED", "COLLECTED", "CANCELLED"];

export function parseLineFilter(params: URLSearchParams | Record<string, string | string[] | undefined>): LineFilter {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    return typeof value === "string" ? value : null;
  };
  const status = get("status");
  const day = get("day");
  return {
    status: (LINE_FILTERS as readonly string[]).includes(status ?? "") ? (status as LineFilterStatus) : "open",
    day: day && parseCalendarDate(day) ? day : null,
  };
}

function where(farmer: Farmer, filter: LineFilter): Prisma.OrderItemWhereInput {
  const day = filter.day ? parseCalendarDate(filter.day) : null;
  const from = day ? startOfShanghaiDay(day) : null;
  return {
    farmerId: farmer.id,
    kind: "PRODUCT",
    fulfilmentStatus:
      filter.status === "open" ? { in: OPEN } : filter.status === "all" ? { in: [...OPEN, ...DONE] } : filter.status,
    order: {
      status: { in: ["PAID", "PARTIALLY_REFUNDED", "REFUNDED"] },
      ...(from ? { paidAt: { gte: from, lt: new Date(from.getTime() + 86_400_000) } } : {}),
    },
  };
}

const lineSelect = {
  id: true,
  quantity: true,
  unitPriceCents: true,
  totalCents: true,
  deliveryFeeCents: true,
  currency: true,
  nameZh: true,
  nameEn: true,
  fulfilmentMethod: true,
  fulfilmentStatus: true,
  trackingNumber: true,
  deliveryAddress: true,
  pickupAt: true,
  refundedQuantity: true,
  refundedCents: true,
  refunds: LINE_REFUNDS,
  product: { select: { unit: true, slug: true } },
  pickupSession: { select: { startsAt: true, endsAt: true, festival: { select: { nameZh: true, nameEn: true } } } },
  order: {
    select: {
      id: true,
      code: true,
      status: true,
      customerName: true,
      customerPhone: true,
      paidAt: true,
      payments: payingPaymentSelect,
    },
  },
} satisfies Prisma.OrderItemSelect;

export type FarmerLine = Prisma.OrderItemGetPayload<{ select: typeof lineSelect }>;

/** The farmer's order lines, newest payment first. */
export function farmerLines(farmer: Farmer, filter: LineFilter, take = 200): Promise<FarmerLine[]> {
  return db.orderItem.findMany({
    where: where(farmer, filter),
    select: lineSelect,
    orderBy: [{ order: { paidAt: "desc" } }, { createdAt: "asc" }],
    take,
  });
}

/** What to pack for the orders paid on one day: totals per product, then each order. */
export async function packingList(farmer: Farmer, day: string) {
  const lines = await farmerLines(farmer, { status: "all", day }, 2000);
  const totals = new Map<string, { name: { zh: string; en: string }; unit: string; quantity: number }>();
  for (const line of lines) {
    if (line.fulfilmentStatus === "CANCELLED") continue;
    const key = line.product?.slug ?? line.nameZh;
    const entry = totals.get(key) ?? {
      name: { zh: line.nameZh, en: line.nameEn },
      unit: line.product?.unit ?? "",
      quantity: 0,
    };
    // Units refunded (spoiled, out of stock) are not packed.
    entry.quantity += line.quantity - line.refundedQuantity;
    totals.set(key, entry);
  }
  return { lines: lines.filter((l) => l.fulfilmentStatus !== "CANCELLED"), totals: [...totals.values()] };
}

export type WeekSales = { week: string; cents: number; lines: number; refundedCents: number };

/**
 * Sales per week (weeks start on Monday, Suoqian time) over the last `weeks` weeks, empty weeks included.
 * Net of refunds: `cents` is what the lines took less what went back (`refundedCents`), in the week of payment;
 * `lines` counts the lines not wholly refunded.
 */
export async function weeklySales(farmer: Farmer, now = new Date(), weeks = 12): Promise<WeekSales[]> {
  const monday = (instant: Date) => {
    const p = shanghaiDateParts(instant);
    const start = startOfShanghaiDay({ year: p.year, month: p.month, day: p.day });
    return new Date(start.getTime() - ((p.weekday + 6) % 7) * 86_400_000);
  };
  const first = new Date(monday(now).getTime() - (weeks - 1) * 7 * 86_400_000);
  const rows = await db.orderItem.findMany({
    where: {
      farmerId: farmer.id,
      kind: "PRODUCT",
      order: { paidAt: { gte: first } },
      // A refunded order counts only through its lines' own refunds (what a farmer refunded by line);
      // one refunded whole elsewhere (the provider's dashboard) took nothing.
      OR: [
        { order: { status: { in: ["PAID", "PARTIALLY_REFUNDED"] } }, fulfilmentStatus: { not: "AWAITING_PAYMENT" } },
        { order: { status: "REFUNDED" }, fulfilmentStatus: "CANCELLED", refundedCents: { gt: 0 } },
      ],
    },
    select: {
      totalCents: true,
      deliveryFeeCents: true,
      refundedCents: true,
      fulfilmentStatus: true,
      order: { select: { paidAt: true } },
    },
  });
  const out: WeekSales[] = Array.from({ length: weeks }, (_, i) => {
    const start = new Date(first.getTime() + i * 7 * 86_400_000);
    return { week: shanghaiDateTimeText(start).slice(0, 10), cents: 0, lines: 0, refundedCents: 0 };
  });
  for (const row of rows) {
    if (!row.order.paidAt) continue;
    const index = Math.floor((monday(row.order.paidAt).getTime() - first.getTime()) / (7 * 86_400_000));
    const week = out[index];
    if (!week) continue;
    week.cents += row.totalCents + row.deliveryFeeCents - row.refundedCents;
    week.refundedCents += row.refundedCents;
    if (row.fulfilmentStatus !== "CANCELLED") week.lines += 1;
  }
  return out;
}

/** The farmer's lines as a spreadsheet (same filter as the inbox), labelled in the caller's language. */
export async function farmerLinesCsv(farmer: Farmer, filter: LineFilter, locale: Locale) {
  const t = apiTranslator(locale);
  const lines = await farmerLines(farmer, filter, 10_000);
  const header = (
    [
      "order",
      "paidAt",
      "customer",
      "phone",
      "product",
      "quantity",
      "totalYuan",
      "deliveryFeeYuan",
      "refundedQuantity",
      "refundedYuan",
      "netYuan",
      "method",
      "status",
      "pickupOrAddress",
      "pickupTime",
      "tracking",
      "paymentProvider",
      "transactionId",
    ] as const
  ).map((key) => t(`farmerOrders.csv.${key}`));
  const yuan = (cents: number) => (cents / 100).toFixed(2);
  const paymentColumns = (payments: Parameters<typeof paymentReference>[0]) => {
    const paid = paymentReference(payments);
    return paid ? [t(`payments.providerName.${paid.provider}`), paid.reference] : ["", ""];
  };
  const rows = lines.map((l) => {
    const address = l.deliveryAddress as Record<string, string> | null;
    const place = l.pickupSession
      ? `${pick({ zh: l.pickupSession.festival.nameZh, en: l.pickupSession.festival.nameEn }, locale)} ${shanghaiDateTimeText(l.pickupSession.startsAt)}`
      : address
        ? `${address.name} ${address.phone} ${addressLine(address)}`
        : "";
    return [
      l.order.code,
      l.order.paidAt ? shanghaiDateTimeText(l.order.paidAt) : "",
      l.order.customerName,
      l.order.customerPhone,
      pick({ zh: l.nameZh, en: l.nameEn }, locale),
      l.quantity,
      yuan(l.totalCents),
      yuan(l.deliveryFeeCents),
      l.refundedQuantity,
      yuan(l.refundedCents),
      yuan(l.totalCents + l.deliveryFeeCents - l.refundedCents),
      l.fulfilmentMethod ? t(`farmerOrders.method.${l.fulfilmentMethod}`) : "",
      t(`farmerOrders.status.${l.fulfilmentStatus}`),
      place,
      l.pickupAt ? shanghaiDateTimeText(l.pickupAt) : "",
      l.trackingNumber ?? "",
      ...paymentColumns(l.order.payments),
    ];
  });
  return toExcelCsv(header, rows);
}
