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

/**
 * One e-ticket as the gate needs it on a phone: the signed QR code large and first, the
 * code to read out, the session, the venue and whose ticket it is. Prints one per page.
 */

export async function TicketCard({
  ticket,
  locale,
  holder,
}: {
  ticket: Ticket;
  locale: string;
  holder?: string | null;
}) {
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
      className="break-inside-avoid rounded-xl border border-stone-200 bg-white p-4 shadow-sm print:break-after-page"
      data-ticket={ticket.code}
    >
      <p className="text-center font-semibold">{pick(ticket.festival, locale)}</p>
      <p className="text-center text-brand-800 text-sm">{t("showThisCode")}</p>
      <div
        className="mx-auto my-2 aspect-square w-full max-w-[18rem] [&>svg]:h-full [&>svg]:w-full"
        role="img"
        aria-label={`${t("ticketCode")} ${code}`}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn by the qrcode library from our own payload
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <p className="text-center text-stone-500 text-xs">{t("ticketCode")}</p>
      <p className="text-center font-mono text-2xl tracking-wider" data-testid="ticket-code">
        {code}
      </p>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 border-stone-100 border-t pt-3 text-sm">
        <dt className="text-stone-500">{t("ticketType")}</dt>
        <dd>{pick(ticket.ticketType, locale)}</dd>
        <dt className="text-stone-500">{t("session")}</dt>
        <dd>
          {format.dateTime(new Date(ticket.startsAt), { dateStyle: "medium", timeStyle: "short" })}–
          {format.dateTime(new Date(ticket.endsAt), { timeStyle: "short" })}
        </dd>
        <dt className="text-stone-500">{t("venue")}</dt>
        <dd>{pick(ticket.venue, locale)}</dd>
        {holder ? (
          <>
            <dt className="text-stone-500">{t("holder")}</dt>
            <dd data-testid="ticket-holder">{holder}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
