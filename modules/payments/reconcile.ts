import "server-only";
import { addDays, shanghaiDateKey, shanghaiDay } from "@/lib/dates";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { log } from "@/lib/log";
import { configuredNames, providerNamed } from "@/lib/payments/provider";
import type { BillLine, ProviderName } from "@/lib/payments/types";

// The daily reconciliation: each configured provider's bill of the previous day (Beijing
// time) against the payments and refunds recorded here. Every instance runs the job;
// the (provider, day) row is claimed by one of them, so each day is compared once (a
// failed run, or one stalled for half an hour, is claimed again on a later pass).

export type DifferenceKind =
  | "paid_there_not_here"
  | "paid_here_not_there"
  | "amount_differs"
  | "refund_there_not_here"
  | "refund_here_not_there"
  | "refund_amount_differs";

/** Bills are ready the next morning (WeChat Pay from 10:00, Alipay earlier): compare from 10:00. */
export const BILL_READY_HOUR = 10;
const STALLED_MS = 30 * 60_000;

type Difference = {
  kind: DifferenceKind;
  outTradeNo: string;
  orderId: string | null;
  providerCents: number | null;
  ourCents: number | null;
};

const sumBy = <T>(items: T[], key: (t: T) => string, value: (t: T) => number) => {
  const out = new Map<string, number>();
  for (const item of items) out.set(key(item), (out.get(key(item)) ?? 0) + value(item));
  return out;
};

/** What the bill and our records of one day disagree on. */
async function compare(provider: ProviderName, day: string, lines: BillLine[]): Promise<Difference[]> {
  const { start, end } = shanghaiDay(day);
  // Our payments of that day: by the provider's own payment time where we have it.
  const ours = await db.payment.findMany({
    where: {
      provider,
      OR: [{ paidAt: { gte: start, lt: end } }, { paidAt: null, createdAt: { gte: start, lt: end } }],
    },
    select: { providerRef: true, amountCents: true, orderId: true },
  });
  const differences: Difference[] = [];
  const billPaid = sumBy(
    lines.filter((l) => l.kind === "payment"),
    (l) => l.outTradeNo,
    (l) => l.amountCents,
  );
  const oursByRef = new Map(ours.map((p) => [p.providerRef ?? "", p]));
  for (const [outTradeNo, cents] of billPaid) {
    const mine = oursByRef.get(outTradeNo) ?? (await db.payment.findUnique({ where: { providerRef: outTradeNo } }));
    if (!mine) {
      const trade = await db.providerTrade.findUnique({ where: { outTradeNo }, select: { orderId: true } });
      differences.push({
        kind: "paid_there_not_here",
        outTradeNo,
        orderId: trade?.orderId ?? null,
        providerCents: cents,
        ourCents: null,
      });
    } else if (mine.amountCents !== cents) {
      differences.push({
        kind: "amount_differs",
        outTradeNo,
        orderId: mine.orderId,
        providerCents: cents,
        ourCents: mine.amountCents,
      });
    }
  }
  for (const payment of ours) {
    const ref = payment.providerRef ?? "";
    if (!billPaid.has(ref))
      differences.push({
        kind: "paid_here_not_there",
        outTradeNo: ref,
        orderId: payment.orderId,
        providerCents: null,
        ourCents: payment.amountCents,
      });
  }
  // Refunds, per provider order: what the bill gave back that day against what we recorded.
  const billRefunded = sumBy(
    lines.filter((l) => l.kind === "refund"),
    (l) => l.outTradeNo,
    (l) => l.amountCents,
  );
  const ourRefunds = await db.refund.findMany({
    where: { providerRef: { not: null }, createdAt: { gte: start, lt: end }, payment: { provider } },
    select: { amountCents: true, payment: { select: { providerRef: true, orderId: true } } },
  });
  const ourRefunded = sumBy(
    ourRefunds,
    (r) => r.payment.providerRef ?? "",
    (r) => r.amountCents,
  );
  const orderOf = new Map(ourRefunds.map((r) => [r.payment.providerRef ?? "", r.payment.orderId]));
  for (const outTradeNo of new Set([...billRefunded.keys(), ...ourRefunded.keys()])) {
    const there = billRefunded.get(outTradeNo) ?? 0;
    const here = ourRefunded.get(outTradeNo) ?? 0;
    if (there === here) continue;
    const kind = here === 0 ? "refund_there_not_here" : there === 0 ? "refund_here_not_there" : "refund_amount_differs";
    let orderId = orderOf.get(outTradeNo) ?? null;
    if (!orderId)
      orderId =
        (await db.providerTrade.findUnique({ where: { outTradeNo }, select: { orderId: true } }))?.orderId ?? null;
    differences.push({ kind, outTradeNo, orderId, providerCents: there, ourCents: here });
  }
  return differences;
}

/** Claims (provider, day) for this instance: false when another has it, or it is done. */
async function claim(provider: ProviderName, day: string, now: Date): Promise<string | null> {
  try {
    const row = await db.reconciliation.create({ data: { provider, day, status: "running", startedAt: now } });
    return row.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const retaken = await db.reconciliation.updateMany({
    where: {
      provider,
      day,
      OR: [{ status: "failed" }, { status: "running", startedAt: { lt: new Date(now.getTime() - STALLED_MS) } }],
    },
    data: { status: "running", startedAt: now, error: null },
  });
  if (retaken.count !== 1) return null;
  const row = await db.reconciliation.findUniqueOrThrow({ where: { provider_day: { provider, day } } });
  return row.id;
}

/** Compares one provider's bill of one day, once; returns the differences found, or null when not this instance's to do. */
export async function reconcileDay(provider: ProviderName, day: string, now = new Date()): Promise<number | null> {
  const by = await providerNamed(provider);
  if (!by?.bill) return null;
  const id = await claim(provider, day, now);
  if (!id) return null;
  try {
    const lines = (await by.bill(day)) ?? [];
    const differences = await compare(provider, day, lines);
    await db.$transaction([
      db.reconciliationDifference.deleteMany({ where: { reconciliationId: id } }),
      db.reconciliationDifference.createMany({ data: differences.map((d) => ({ ...d, reconciliationId: id })) }),
      db.reconciliation.update({
        where: { id },
        data: { status: "done", finishedAt: new Date(), billLines: lines.length },
      }),
    ]);
    log()[differences.length > 0 ? "warn" : "info"](
      { provider, day, billLines: lines.length, differences: differences.length },
      "reconciliation done",
    );
    return differences.length;
  } catch (error) {
    log().error({ provider, day, err: error }, "reconciliation failed; it will be tried again");
    await db.reconciliation.update({
      where: { id },
      data: {
        status: "failed",
        finishedAt: new Date(),
        error: error instanceof Error ? error.message.slice(0, 500) : "failed",
      },
    });
    return null;
  }
}

/** Yesterday's bills, from 10:00 Beijing time, for every configured provider that has bills. */
export async function reconcileDue(now = new Date()): Promise<void> {
  const hour =
    Number(
      new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", hour12: false }).format(now),
    ) % 24;
  if (hour < BILL_READY_HOUR) return;
  const yesterday = shanghaiDateKey(addDays(now, -1));
  for (const provider of configuredNames()) {
    const done = await db.reconciliation.findUnique({ where: { provider_day: { provider, day: yesterday } } });
    if (done?.status === "done") continue;
    await reconcileDay(provider, yesterday, now);
  }
}
