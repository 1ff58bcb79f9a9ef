import "server-only";
import { normaliseCode } from "@/lib/codes";
import { db } from "@/lib/db";
import { payingPaymentSelect } from "@/lib/payments/reference";
import { normaliseChineseMobile } from "@/lib/phone";
import type { AllOrdersFilter } from "./filter";

export const PAGE_SIZE = 50;

function allOrdersWhere(filter: AllOrdersFilter) {
  const q = filter.q?.trim() ?? "";
  const code = normaliseCode(q);
  const digits = normaliseChineseMobile(q) ?? q.replace(/\D/g, "");
  const search =
    q.length === 0
      ? {}
      : {
          OR: [
            { customerName: { contains: q } },
            { customerEmail: { contains: q.toLowerCase() } },
            ...(digits.length >= 3 && /^\+?[\d\s-]+$/.test(q) ? [{ customerPhone: { contains: digits } }] : []),
            { code },
            { code: `SQ${code}` },
          ],
        };
  const kind =
    filter.kind === "tickets"
      ? { items: { some: { kind: "TICKET" as const } } }
      : filter.kind === "products"
        ? { items: { some: { kind: "PRODUCT" as const } } }
        : {};
  return { ...(filter.status ? { status: filter.status } : {}), ...kind, ...search };
}

/** Every order matching the filter, newest first, one page at a time. */
export async function searchAllOrders(filter: AllOrdersFilter) {
  const where = allOrdersWhere(filter);
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        code: true,
        status: true,
        customerName: true,
        customerPhone: true,
        customerEmail: true,
        totalCents: true,
        currency: true,
        createdAt: true,
        payments: payingPaymentSelect,
        items: {
          orderBy: { createdAt: "asc" },
          select: { kind: true, quantity: true, nameZh: true, nameEn: true },
        },
      },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), orders };
}
