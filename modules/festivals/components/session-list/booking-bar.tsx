"use client";
import { useTranslations } from "next-intl";
import { Fragment } from "react";

/**
 * Fixed at the bottom of a phone's screen (above the tab bar), so booking stays in reach
 * while the visitor reads on: before a choice the lowest price and a way to the sessions;
 * after it the session, the total, 加入购物篮 and 立即预订.
 */
export function BookingBar({
  fromPrice,
  chosen,
  total,
  count,
  onChoose,
  onAdd,
  onBuy,
}: {
  fromPrice: string | null;
  /** The chosen session as the visitor reads it, or null before a choice. */
  chosen: string | null;
  total: string;
  count: number;
  onChoose: () => void;
  onAdd: () => void;
  onBuy: () => void;
}) {
  const t = useTranslations("festivals");
  return (
    <section
      className="no-print fixed inset-x-0 bottom-[calc(4rem+env(safe-area-inset-bottom))] z-30 border-stone-200 border-t bg-white/95 px-4 py-2 shadow-[0_-2px_8px_rgba(0,0,0,0.06)] backdrop-blur sm:bottom-0"
      data-testid="booking-bar"
      aria-label={t("bookingBar")}
    >
      <div className="mx-auto flex max-w-5xl items-center gap-3">
        {/* Keyed: the two states never restyle each other's elements, they replace them. */}
        {chosen ? (
          <Fragment key="chosen">
            <p className="mr-auto min-w-0 text-sm leading-tight">
              <span className="block truncate text-stone-600">{chosen}</span>
              <span className="font-semibold text-base" data-testid="bar-total">
                {count > 0 ? total : t("pickTickets")}
              </span>
            </p>
            <button
              type="button"
              disabled={count === 0}
              onClick={onAdd}
              className="min-h-11 shrink-0 rounded-lg border border-brand-600 px-3 text-brand-700 disabled:opacity-50"
            >
              {t("addToBasket")}
            </button>
            <button
              type="button"
              disabled={count === 0}
              onClick={onBuy}
              className="min-h-11 shrink-0 rounded-lg bg-brand-600 px-4 font-medium text-white disabled:opacity-50"
            >
              {t("buyNow")}
            </button>
          </Fragment>
        ) : (
          <Fragment key="choose">
            <p className="mr-auto font-bold text-berry-600 text-lg">
              {fromPrice ? t("fromPrice", { price: fromPrice }) : ""}
            </p>
            <button
              type="button"
              onClick={onChoose}
              className="min-h-11 shrink-0 rounded-lg bg-brand-600 px-4 font-medium text-white"
            >
              {t("chooseSession")}
            </button>
          </Fragment>
        )}
      </div>
    </section>
  );
}
