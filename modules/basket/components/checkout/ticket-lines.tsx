"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { type Basket, lineKey, type TicketLine } from "../../basket";
import { BasketLineItem } from "../basket-line-item";

/** The basket's festival tickets, a line per ticket type and session. */
export function TicketLines({
  basket,
  tickets,
  update,
  problems,
}: {
  basket: Basket;
  tickets: TicketLine[];
  update: (change: (basket: Basket) => Basket) => void;
  /** What the order said of each line, by line key. */
  problems: Record<string, string> | undefined;
}) {
  const t = useTranslations("basket");
  const locale = useLocale();
  const format = useFormatter();
  return (
    <section aria-labelledby="basket-heading" className="rounded-xl bg-white shadow-sm">
      <h2 id="basket-heading" className="p-4 pb-0 font-semibold text-lg">
        {t("tickets")}
      </h2>
      <ul className="divide-y divide-stone-100">
        {tickets.map((line) => (
          <BasketLineItem
            key={lineKey(line)}
            basket={basket}
            line={line}
            update={update}
            name={pick(line.ticketType.name, locale)}
            title={pick(line.festival.name, locale)}
            detail={
              <span className="block text-sm text-stone-600">
                {pick(line.ticketType.name, locale)} · {sessionTime(format, line.session, "long")}
              </span>
            }
            price={formatMoney(line.quantity * line.ticketType.priceCents, line.ticketType.currency, locale)}
            problem={problems?.[lineKey(line)]}
          />
        ))}
      </ul>
    </section>
  );
}
