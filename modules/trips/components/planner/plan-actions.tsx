"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "@/lib/i18n/navigation";
import { updateBasket } from "@/modules/basket/use-basket";
import { basketWithPlan } from "../../plan-edits";
import type { PlannerCatalogue, TripInput } from "../../types";
import type { PlanStore } from "../../use-trip-plan";
import { downloadPlanIcs } from "./download-ics";

/** What to do with the plan: buy what it needs, export it as a calendar file, share it (an account's plan). */
export function PlanActions({
  plan,
  catalogue,
  held,
  needs,
  bought,
  onBought,
  store,
  id,
  shareUrl,
  share,
}: {
  plan: TripInput;
  catalogue: PlannerCatalogue;
  /** Sessions already held: not bought again. */
  held: ReadonlySet<string>;
  needs: number;
  /** How many lines the last "buy" added; null until then (or since the plan changed). */
  bought: number | null;
  onBought: (count: number) => void;
  store: PlanStore;
  id: string | null;
  shareUrl: string | null;
  share: (on: boolean) => void;
}) {
  const t = useTranslations("trips.planner");
  const locale = useLocale();
  const router = useRouter();
  const calendarHref = id ? `/api/trips/${id}/calendar?lang=${locale === "en" ? "en" : "zh"}` : null;
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm" aria-label={t("actionsTitle")}>
      <button
        type="button"
        disabled={needs === 0}
        onClick={() => {
          let count = 0;
          updateBasket((basket) => {
            const result = basketWithPlan(basket, plan, catalogue, held);
            count = result.added;
            return result.basket;
          });
          onBought(count);
          if (count > 0) router.push("/checkout");
        }}
        className="min-h-11 w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-50"
      >
        {t("buyNeeds", { count: needs })}
      </button>
      {bought === 0 ? <p className="text-sm">{t("nothingToBuy")}</p> : null}
      <div className="flex flex-wrap gap-3 text-sm">
        {calendarHref ? (
          <a href={calendarHref} className="inline-flex min-h-11 items-center text-brand-700 underline" download>
            {t("exportIcs")}
          </a>
        ) : (
          <button
            type="button"
            className="inline-flex min-h-11 items-center text-brand-700 underline"
            onClick={() => downloadPlanIcs(plan, locale)}
          >
            {t("exportIcs")}
          </button>
        )}
        {store === "account" && id ? <ShareControls shareUrl={shareUrl} share={share} /> : null}
      </div>
      {store === "browser" ? <p className="text-sm text-stone-600">{t("signInToKeep")}</p> : null}
    </section>
  );
}

/** An account's plan: its share link and a way to stop sharing, or a way to start. */
function ShareControls({ shareUrl, share }: { shareUrl: string | null; share: (on: boolean) => void }) {
  const t = useTranslations("trips.planner");
  return shareUrl ? (
    <span className="flex w-full flex-wrap items-center gap-2">
      <label className="flex min-w-0 flex-1 items-center gap-2">
        <span>{t("shareLink")}</span>
        <input readOnly value={shareUrl} className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1" />
      </label>
      <button
        type="button"
        className="inline-flex min-h-11 items-center text-berry-600 underline"
        onClick={() => share(false)}
      >
        {t("unshare")}
      </button>
    </span>
  ) : (
    <button
      type="button"
      className="inline-flex min-h-11 items-center text-brand-700 underline"
      onClick={() => share(true)}
    >
      {t("share")}
    </button>
  );
}
