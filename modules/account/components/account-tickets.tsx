import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatTicketCode } from "@/lib/ticket-code";
import { TicketCard } from "@/modules/tickets/components/ticket-card";
import type { AccountTicket } from "../ticket-queries";

/**
 * The account's tickets: coming ones as full e-tickets (the QR drawn as inline SVG on
 * the server, so the page works as saved HTML), then the latest past ones as a line each.
 */
export async function AccountTickets({
  upcoming,
  past,
  locale,
}: {
  upcoming: AccountTicket[];
  past: AccountTicket[];
  locale: string;
}) {
  const t = await getTranslations("account.tickets");
  const format = await getFormatter();
  return (
    <section id="tickets" aria-labelledby="tickets-heading" data-testid="account-tickets">
      <h2 id="tickets-heading" className="mb-1 font-semibold text-lg">
        {t("title")}
      </h2>
      {upcoming.length === 0 ? (
        <p className="text-stone-600">{t("none")}</p>
      ) : (
        <>
          <p className="mb-3 text-sm text-stone-600">{t("showAtGate")}</p>
          <ul className="space-y-3">
            {upcoming.map((ticket) => (
              <TicketCard key={ticket.id} ticket={ticket} locale={locale} />
            ))}
          </ul>
        </>
      )}
      {past.length > 0 ? (
        <details className="mt-3">
          <summary className="cursor-pointer text-sm text-stone-600">{t("past", { count: past.length })}</summary>
          <ul className="mt-2 space-y-1 text-sm text-stone-600" data-testid="past-tickets">
            {past.map((ticket) => (
              <li key={ticket.id}>
                {pick(ticket.festival, locale)} · {pick(ticket.ticketType, locale)} ·{" "}
                {format.dateTime(new Date(ticket.startsAt), { dateStyle: "medium" })} ·{" "}
                <span className="font-mono">{formatTicketCode(ticket.code)}</span>
                {ticket.checkedInAt ? ` · ${t("used")}` : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
