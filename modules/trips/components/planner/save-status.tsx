"use client";
import { useTranslations } from "next-intl";
import type { PlanStore, SaveState } from "../../use-trip-plan";

/** Where the plan is kept (the account or this browser) and, for an account, whether the last change was saved. */
export function SaveStatus({ store, save }: { store: PlanStore; save: SaveState }) {
  const t = useTranslations("trips.planner");
  return (
    <p className="text-sm text-stone-600" data-testid="trip-store">
      {store === "account"
        ? save === "saving"
          ? t("saving")
          : save === "error"
            ? t("saveFailed")
            : t("savedInAccount")
        : t("savedInBrowser")}
    </p>
  );
}
