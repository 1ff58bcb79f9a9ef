import { createFormatter } from "next-intl";
import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { escapeHtml } from "@/lib/mail/html";
import { formatMoney } from "@/lib/money";
import { formatTicketCode } from "@/lib/ticket-code";
import { addressLine } from "@/modules/inventory/fulfilment";

export type ConfirmationOrder = {
  code: string;
  customerName: string;
  totalCents: number;
  currency: string;
  items: {
    id: string;
    name: { zh: string; en: string };
    quantity: number;
    totalCents: number;
    session: {
      id: string;
      startsAt: Date;
      endsAt: Date;
      festival: {
        name: { zh: string; en: string };
        venue: { zh: string; en: string };
        cancellationCutoffHours: number;
      };
    } | null;
    /** Workshop products: where they come from and how they reach the buyer. */
    fulfilment?: {
      workshop: { zh: string; en: string };
      openingHours: { zh: string; en: string };
      method: "WORKSHOP_PICKUP" | "FESTIVAL_PICKUP" | "DELIVERY";
      pickupSession: { startsAt: Date; endsAt: Date; festival: { zh: string; en: string } } | null;
      address: Record<string, string> | null;
      deliveryFeeCents: number;
    } | null;
  }[];
  /** The order's valid e-tickets. */
  tickets: { code: string; orderItemId: string }[];
};

type Line = { name: string; codes: string[] };
type Block = { festival: string; time: string; venue: string; lines: Line[]; cancel: string };

/** XXXX-XXXX-XX, as the ticket card shows it: easier to read out and type. */
export const groupCode = formatTicketCode;

/**
 * The confirmation of a paid order in the buyer's language, as plain text and as
 * simple HTML (every value from the database escaped; no images, the link carries
 * the QR codes). Times are Suoqian's (Asia/Shanghai).
 */
export function composeOrderConfirmation(
  order: ConfirmationOrder,
  { locale, orderUrl, now = new Date() }: { locale: Locale; orderUrl: string; now?: Date },
): { subject: string; text: string; html: string } {
  const t = apiTranslator(locale);
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  const money = (cents: number) => formatMoney(cents, order.currency, locale);
  const line = (item: ConfirmationOrder["items"][number]): Line => ({
    name: t("email.item", { name: pick(item.name, locale), quantity: item.quantity, amount: money(item.totalCents) }),
    codes: order.tickets.filter((ticket) => ticket.orderItemId === item.id).map((ticket) => groupCode(ticket.code)),
  });

  const blocks = new Map<string, Block & { startsAt: number }>();
  const others: Line[] = [];
  // Workshop products, by workshop and way of getting them.
  const parts = new Map<string, { title: string; lines: Line[]; how: string; feeCents: number }>();
  for (const item of order.items) {
    const f = item.fulfilment;
    if (f) {
      const how =
        f.method === "FESTIVAL_PICKUP" && f.pickupSession
          ? t("order.parts.festivalPickup", {
              festival: pick(f.pickupSession.festival, locale),
              time: format.dateTime(f.pickupSession.startsAt, { dateStyle: "medium", timeStyle: "short" }),
            })
          : f.method === "DELIVERY" && f.address
            ? t("order.parts.delivery", {
                address: addressLine(f.address),
                name: f.address.name ?? "",
              })
            : t("order.parts.workshopPickup", { hours: pick(f.openingHours, locale) || "—" });
      const key = `${f.workshop.zh}|${how}`;
      const part = parts.get(key) ?? { title: pick(f.workshop, locale), lines: [], how, feeCents: 0 };
      part.lines.push(line(item));
      part.feeCents += f.deliveryFeeCents;
      parts.set(key, part);
      continue;
    }
    const session = item.session;
    if (!session) {
      others.push(line(item));
      continue;
    }
    let block = blocks.get(session.id);
    if (!block) {
      const cutoff = new Date(session.startsAt.getTime() - session.festival.cancellationCutoffHours * 3600_000);
      const cutoffText = format.dateTime(cutoff, { dateStyle: "medium", timeStyle: "short" });
      block = {
        startsAt: session.startsAt.getTime(),
        festival: pick(session.festival.name, locale),
        time: t("email.sessionTime", {
          start: format.dateTime(session.startsAt, { dateStyle: "full", timeStyle: "short" }),
          end: format.dateTime(session.endsAt, { timeStyle: "short" }),
        }),
        venue: t("email.venue", { venue: pick(session.festival.venue, locale) }),
        lines: [],
        cancel:
          cutoff > now ? t("email.cancelUntil", { time: cutoffText }) : t("email.cancelClosed", { time: cutoffText }),
      };
      blocks.set(session.id, block);
    }
    block.lines.push(line(item));
  }
  const sessions = [...blocks.values()].sort((a, b) => a.startsAt - b.startsAt);

  const hasTickets = order.tickets.length > 0;
  const subject = t(hasTickets ? "email.subject" : "email.subjectProducts", { code: order.code });
  const greeting = t("email.greeting", { name: order.customerName });
  const intro = t(hasTickets ? "email.intro" : "email.introProducts", { code: order.code });
  const total = t("email.total", { amount: money(order.totalCents) });
  const closing = hasTickets ? [t("email.atGate"), t("email.keepLink")] : [t("email.keepLinkOrder")];
  const link = t(hasTickets ? "email.link" : "email.linkOrder");
  const linkButton = t(hasTickets ? "email.linkButton" : "email.linkButtonOrder");
  const products = [...parts.values()].map((p) => ({
    ...p,
    fee: p.feeCents > 0 ? t("email.deliveryFee", { amount: money(p.feeCents) }) : null,
  }));

  const textLines = (lines: Line[]) =>
    lines.flatMap((l) => [
      `  ${l.name}`,
      ...(l.codes.length ? [`    ${t("email.ticketCodes")}`] : []),
      ...l.codes.map((c) => `      ${c}`),
    ]);
  const text = [
    greeting,
    "",
    intro,
    ...sessions.flatMap((s) => ["", `■ ${s.festival}`, s.time, s.venue, ...textLines(s.lines), s.cancel]),
    ...products.flatMap((p) => ["", `■ ${p.title}`, ...textLines(p.lines), ...(p.fee ? [`  ${p.fee}`] : []), p.how]),
    ...(others.length ? ["", `■ ${t("email.otherItems")}`, ...textLines(others)] : []),
    "",
    total,
    "",
    link,
    orderUrl,
    "",
    ...closing,
    "",
    "—",
    t("email.signature"),
    "",
  ].join("\n");

  const e = escapeHtml;
  const muted = "margin:0;color:#57534e;font-size:14px";
  const htmlLines = (lines: Line[]) =>
    lines
      .map(
        (l) =>
          `<p style="margin:8px 0 0">${e(l.name)}</p>` +
          (l.codes.length
            ? `<p style="${muted}">${e(t("email.ticketCodes"))}</p><p style="margin:0;font-family:Menlo,Consolas,monospace;font-size:16px;letter-spacing:1px">${l.codes.map(e).join("<br>")}</p>`
            : ""),
      )
      .join("");
  const section = (title: string, body: string) =>
    `<div style="border-top:1px solid #e7e5e4;margin-top:16px;padding-top:12px"><h2 style="margin:0 0 4px;font-size:17px">${e(title)}</h2>${body}</div>`;
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f5f5f4;color:#1c1917;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:20px">
<p style="margin:0 0 8px">${e(greeting)}</p>
<p style="margin:0">${e(intro)}</p>
${sessions.map((s) => section(s.festival, `<p style="${muted}">${e(s.time)}<br>${e(s.venue)}</p>${htmlLines(s.lines)}<p style="${muted};margin-top:8px">${e(s.cancel)}</p>`)).join("\n")}
${products.map((p) => section(p.title, `${htmlLines(p.lines)}${p.fee ? `<p style="${muted}">${e(p.fee)}</p>` : ""}<p style="${muted};margin-top:8px">${e(p.how)}</p>`)).join("\n")}
${others.length ? section(t("email.otherItems"), htmlLines(others)) : ""}
<p style="border-top:1px solid #e7e5e4;margin:16px 0 0;padding-top:12px;font-weight:bold">${e(total)}</p>
<p style="margin:16px 0 4px"><a href="${e(orderUrl)}" style="display:inline-block;background:#2f7a4a;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none">${e(linkButton)}</a></p>
<p style="${muted}">${e(link)}<br><a href="${e(orderUrl)}" style="color:#246039;word-break:break-all">${e(orderUrl)}</a></p>
<p style="${muted};margin-top:12px">${closing.map(e).join("<br>")}</p>
<p style="${muted};margin-top:16px">${e(t("email.signature"))}</p>
</div></body></html>
`;
  return { subject, text, html };
}
