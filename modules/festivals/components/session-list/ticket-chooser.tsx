"use client";
import { useLocale, useTranslations } from "next-intl";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import type { ClientFestival } from "../../client-festival";
import type { Quantities } from "./tickets";

type TicketType = ClientFestival["ticketTypes"][number];

/**
 * The chosen session's ticket types with a quantity each and the total (the booking bar puts
 * them in the basket); and 加入我的行程, the session (with the tickets, when of one type) into the planner.
 */
export function TicketChooser({
  festival,
  sessionId,
  day,
  times,
  quantities,
  maxFor,
  onQuantity,
}: {
  festival: ClientFestival;
  sessionId: string;
  day: string | null;
  /** The session's times, "08:00–10:00". */
  times: string;
  quantities: Quantities;
  maxFor: (tt: TicketType) => number;
  onQuantity: (tt: TicketType, value: number) => void;
}) {
  const t = useTranslations("festivals");
  const locale = useLocale();
  const totalCents = festival.ticketTypes.reduce((sum, tt) => sum + (quantities[tt.id] ?? 0) * tt.priceCents, 0);
  const currency = festival.ticketTypes[0]?.currency ?? "CNY";
  const picked = festival.ticketTypes.filter((tt) => (quantities[tt.id] ?? 0) > 0);
  const tickets = picked.length === 1 && picked[0] ? `:${picked[0].id}:${quantities[picked[0].id]}` : "";
  return (
    <section aria-label={t("chooseTickets")} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      <h3 className="font-medium">
        {t("chooseTickets")} · {day} {times}
      </h3>
      <ul className="divide-y divide-stone-100">
        {festival.ticketTypes.map((tt) => (
          <li key={tt.id} className="flex items-center justify-between gap-3 py-2">
            <span>
              <span className="block">{pick(tt.name, locale)}</span>
              <span className="block text-sm text-stone-500">
                {formatMoney(tt.priceCents, tt.currency, locale)}
                {tt.admissions > 1 ? ` · ${t("admits", { count: tt.admissions })}` : ""}
              </span>
            </span>
            <QuantityStepper
              label={pick(tt.name, locale)}
              value={quantities[tt.id] ?? 0}
              max={maxFor(tt)}
              onChange={(value) => onQuantity(tt, value)}
            />
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-500">{t("limit", { count: festival.maxTicketsPerOrder })}</p>
      <p className="flex items-baseline justify-between">
        <span className="text-sm text-stone-500">{t("total")}</span>
        <span className="font-semibold" data-testid="picker-total">
          {formatMoney(totalCents, currency, locale)}
        </span>
      </p>
      <Link
        href={`/trips?add=session:${sessionId}${tickets}`}
        className="no-print inline-flex min-h-11 items-center text-brand-700 underline"
        data-testid="session-add-to-trip"
      >
        {t("addToTrip")}
      </Link>
    </section>
  );
}
