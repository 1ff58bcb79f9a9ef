import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { env } from "@/lib/env";
import { pick } from "@/lib/localized";
import { formatTicketCode } from "@/lib/ticket-code";
import { qrPayload } from "../signature";

type Ticket = {
  code: string;
  ticketType: { zh: string; en: string };
  festival: { zh: string; en: string };
  venue: { zh: string; en: string };
  startsAt: string;
  endsAt: string;
};

/** One e-ticket: a signed QR code and the code to type by hand; prints one per page. */
export async function TicketCard({ ticket, locale }: { ticket: Ticket; locale: string }) {
  const t = await getTranslations("order");
  const format = await getFormatter();
  const svg = await QRCode.toString(qrPayload(ticket.code, env.ticketSecret), {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
  });
  const code = formatTicketCode(ticket.code);
  return (
    <li
      className="break-inside-avoid rounded-xl border border-stone-200 bg-white p-4 print:break-after-page"
      data-ticket={ticket.code}
    >
      <div className="flex items-start gap-4">
        <div
          className="h-40 w-40 shrink-0"
          role="img"
          aria-label={`${t("ticketCode")} ${code}`}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn by the qrcode library from our own payload
          dangerouslySetInnerHTML={{ __html: svg }}
        />
        <div className="space-y-1">
          <p className="font-semibold">{pick(ticket.festival, locale)}</p>
          <p>{pick(ticket.ticketType, locale)}</p>
          <p className="text-sm text-stone-600">
            {format.dateTime(new Date(ticket.startsAt), { dateStyle: "medium", timeStyle: "short" })}–
            {format.dateTime(new Date(ticket.endsAt), { timeStyle: "short" })}
          </p>
          <p className="text-sm text-stone-600">{pick(ticket.venue, locale)}</p>
          <p className="pt-2 text-stone-500 text-xs">{t("ticketCode")}</p>
          <p className="font-mono text-lg tracking-wider" data-testid="ticket-code">
            {code}
          </p>
        </div>
      </div>
    </li>
  );
}
