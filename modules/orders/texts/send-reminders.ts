import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { log } from "@/lib/log";
import { orderShortPath } from "@/lib/order-links";
import { normaliseChineseMobile } from "@/lib/phone";
import { sendTextMessage } from "@/lib/sms/send";
import { composeReminderText } from "./compose-order-texts";
import { type ReminderWindow, reminderWindow } from "./reminder-window";

const BATCH = 200;

/** Not reminded yet today (a reminder from an earlier evening was for another day's session). */
const notRemindedToday = (window: ReminderWindow) => [
  { reminderSentAt: null },
  { reminderSentAt: { lt: window.today } },
];

/** Paid orders with a valid, unused ticket for tomorrow, whose account (if any) wants reminders. */
async function dueOrders(window: ReminderWindow, after: string | null) {
  const tomorrowsTicket = {
    status: "VALID" as const,
    checkedInAt: null,
    session: { startsAt: { gte: window.sessionsFrom, lt: window.sessionsUntil } },
  };
  return db.order.findMany({
    where: {
      status: { in: ["PAID", "PARTIALLY_REFUNDED"] },
      // Paid this evening: the e-tickets text has just said it all.
      paidAt: { lt: window.evening },
      customerPhone: { not: "" },
      tickets: { some: tomorrowsTicket },
      AND: [{ OR: notRemindedToday(window) }, { OR: [{ userId: null }, { user: { is: { textReminders: true } } }] }],
      ...(after ? { id: { gt: after } } : {}),
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: {
      id: true,
      code: true,
      locale: true,
      customerPhone: true,
      tickets: {
        where: tomorrowsTicket,
        orderBy: { session: { startsAt: "asc" } },
        take: 1,
        select: { session: { select: { startsAt: true, festival: { select: { nameZh: true, nameEn: true } } } } },
      },
    },
  });
}

type DueOrder = Awaited<ReturnType<typeof dueOrders>>[number];

/** The numbers whose account (that proved them) turned reminders off: their guest orders are not reminded either. */
async function optedOut(phones: string[]): Promise<Set<string>> {
  if (phones.length === 0) return new Set();
  const users = await db.user.findMany({
    where: { verifiedPhone: { in: phones }, textReminders: false },
    select: { verifiedPhone: true },
  });
  return new Set(users.flatMap((u) => (u.verifiedPhone ? [u.verifiedPhone] : [])));
}

/** Claims the order's reminder for today (once, whichever instance comes first) and texts it. */
async function remind(order: DueOrder, to: string, window: ReminderWindow, now: Date): Promise<boolean> {
  const session = order.tickets[0]?.session;
  if (!session) return false;
  const claimed = await db.order.updateMany({
    where: { id: order.id, OR: notRemindedToday(window) },
    data: { reminderSentAt: now },
  });
  if (claimed.count !== 1) return false;
  const locale = isLocale(order.locale) ? order.locale : defaultLocale;
  const text = composeReminderText(
    {
      festival: { zh: session.festival.nameZh, en: session.festival.nameEn },
      startsAt: session.startsAt,
      link: orderShortPath(order),
    },
    { locale, siteUrl: env.siteUrl },
  );
  await sendTextMessage({ to, kind: "reminder", ...text, locale, now, expiresAt: session.startsAt });
  return true;
}

/**
 * The evening-before reminders (18:00–20:59 in Suoqian, TEXT_REMINDER_HOURS): one text per paid order with a
 * valid ticket for a session tomorrow, to the order's number, unless its account (or the
 * account that proved the number) turned reminders off. Every instance runs it; each
 * order is claimed by a guarded update of `reminderSentAt`, so it is texted once. Returns
 * how many orders this call reminded.
 */
export async function sendSessionReminders(now = new Date()): Promise<number> {
  const window = reminderWindow(now, env.reminderHours);
  if (!window) return 0;
  let reminded = 0;
  let after: string | null = null;
  for (;;) {
    const orders = await dueOrders(window, after);
    const off = await optedOut(orders.map((o) => o.customerPhone));
    for (const order of orders) {
      const to = normaliseChineseMobile(order.customerPhone);
      if (!to || off.has(to)) continue;
      try {
        if (await remind(order, to, window, now)) reminded++;
      } catch (error) {
        log().error({ orderId: order.id, err: error }, "session reminder failed");
      }
    }
    if (orders.length < BATCH) return reminded;
    after = orders.at(-1)?.id ?? null;
  }
}
