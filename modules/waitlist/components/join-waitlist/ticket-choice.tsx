"use client";
import { useLocale, useTranslations } from "next-intl";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { pick } from "@/lib/localized";

export type WaitlistTicketType = { id: string; name: { zh: string; en: string }; maxPerOrder: number };

/** Which ticket type to wait for (when there is a choice) and how many. */
export function TicketChoice({
  ticketTypes,
  typeId,
  onType,
  quantity,
  onQuantity,
  max,
  error,
}: {
  ticketTypes: WaitlistTicketType[];
  typeId: string;
  onType: (id: string) => void;
  quantity: number;
  onQuantity: (quantity: number) => void;
  max: number;
  error?: string;
}) {
  const t = useTranslations("waitlist");
  const locale = useLocale();
  return (
    <>
      {ticketTypes.length > 1 ? (
        <div className="space-y-1">
          <label htmlFor="waitlist-type" className="block font-medium text-sm text-stone-800">
            {t("ticketType")}
          </label>
          <select
            id="waitlist-type"
            value={typeId}
            onChange={(e) => onType(e.target.value)}
            className="min-h-11 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            {ticketTypes.map((tt) => (
              <option key={tt.id} value={tt.id}>
                {pick(tt.name, locale)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex items-center justify-between gap-3">
        <span className="font-medium text-sm text-stone-800">{t("quantity")}</span>
        <QuantityStepper label={t("quantity")} value={quantity} max={max} onChange={onQuantity} />
      </div>
      {error ? <p className="text-berry-600 text-sm">{error}</p> : null}
    </>
  );
}
