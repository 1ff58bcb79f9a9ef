"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import { useSessionSummary } from "@/components/layout/use-session-summary";
import { useRouter } from "@/lib/i18n/navigation";
import type { TileConfig } from "@/lib/map-tiles";
import { updateBasket } from "@/modules/basket/use-basket";
import { parseClock } from "../evaluate";
import { addDaysTo, addItem, basketWithPlan, changeItem, newPlan, nextStart, removeItem, setDays } from "../plan-edits";
import type { PlannerCatalogue } from "../planner-types";
import type { TripInput, TripItemInput } from "../types";
import { useTripPlan } from "../use-trip-plan";
import { useTripPreview } from "../use-trip-preview";
import { AddToDay } from "./add-to-day";
import { DayTimeline } from "./day-timeline";
import { PlanMap } from "./plan-map";
import { PlanWarnings } from "./plan-warnings";

type Props = {
  catalogue: PlannerCatalogue;
  tiles: TileConfig;
  mapLabels: { map: string; tilesUnavailable: string };
};

const todayInSuoqian = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Reads `?add=route:slug` (the route pages' "Add to my trip") and `?plan=id` once. */
function useQuery() {
  const [query, setQuery] = useState<{ add: string | null; plan: string | null } | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setQuery({ add: params.get("add"), plan: params.get("plan") });
  }, []);
  return query;
}

/** The weekend planner: one or two days of routes, sessions and pickups, on a timeline and a map. */
export function TripPlanner({ catalogue, tiles, mapLabels }: Props) {
  const t = useTranslations("trips.planner");
  const locale = useLocale();
  const router = useRouter();
  const session = useSessionSummary();
  const query = useQuery();
  const signedIn = session.status === "loading" || query === null ? null : session.status === "signed-in";
  const { plan, setPlan, store, id, shareUrl, share, save } = useTripPlan(
    signedIn,
    () => newPlan(t("defaultTitle"), todayInSuoqian()),
    query?.plan ?? null,
  );
  const { preview, failed } = useTripPreview(plan);
  const [bought, setBought] = useState<number | null>(null);
  const added = useRef(false);

  // "Add to my trip" from a route page: once, when the plan is ready.
  useEffect(() => {
    if (!plan || added.current || !query?.add) return;
    added.current = true;
    const [kind, slug] = query.add.split(":");
    if (kind === "route" && slug && catalogue.routes.some((r) => r.slug === slug)) {
      const day = plan.days[0] ?? todayInSuoqian();
      setPlan((p) => addItem(p, { kind: "route", slug, day, start: nextStart(p, day, () => null) }));
    }
    window.history.replaceState(null, "", window.location.pathname);
  }, [plan, query, catalogue.routes, setPlan]);

  const views = preview?.items;
  const flagged = useMemo(() => new Set(preview?.warnings.flatMap((w) => w.items) ?? []), [preview]);
  const entries = useMemo(
    () => (plan?.items ?? []).map((input, index) => ({ index, input, view: views?.[index] })),
    [plan, views],
  );

  if (!plan) return <p className="text-stone-600">{t("loading")}</p>;

  const endOf = (item: TripItemInput) => {
    const v = views?.[plan.items.indexOf(item)];
    return v?.end ? parseClock(v.end) : null;
  };
  const held = new Set(
    entries
      .filter((e) => e.view?.held && e.input.kind === "session")
      .map((e) => (e.input as { sessionId: string }).sessionId),
  );
  const needs = plan.items.filter(
    (i) => i.kind === "pickup" || (i.kind === "session" && !held.has(i.sessionId)),
  ).length;
  const calendarHref = id ? `/api/trips/${id}/calendar?lang=${locale === "en" ? "en" : "zh"}` : null;

  const change = (next: (p: TripInput) => TripInput) => {
    setBought(null);
    setPlan(next);
  };

  return (
    <div className="space-y-5">
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="flex flex-col gap-1 text-sm sm:col-span-3">
          <span>{t("title")}</span>
          <input
            value={plan.title}
            maxLength={80}
            onChange={(e) => change((p) => ({ ...p, title: e.target.value || t("defaultTitle") }))}
            className="rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span>{t("firstDay")}</span>
          <input
            type="date"
            value={plan.days[0]}
            onChange={(e) => {
              const first = e.target.value;
              if (!first) return;
              change((p) => setDays(p, p.days.length > 1 ? [first, addDaysTo(first, 1)] : [first]));
            }}
            className="rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="flex items-center gap-2 self-end pb-2 text-sm">
          <input
            type="checkbox"
            checked={plan.days.length > 1}
            onChange={(e) =>
              change((p) =>
                setDays(
                  p,
                  e.target.checked
                    ? [p.days[0] ?? todayInSuoqian(), addDaysTo(p.days[0] ?? todayInSuoqian(), 1)]
                    : [p.days[0] ?? todayInSuoqian()],
                ),
              )
            }
          />
          <span>{t("twoDays")}</span>
        </label>
      </div>

      <p className="text-sm text-stone-600" data-testid="trip-store">
        {store === "account"
          ? save === "saving"
            ? t("saving")
            : save === "error"
              ? t("saveFailed")
              : t("savedInAccount")
          : t("savedInBrowser")}
      </p>
      {failed ? (
        <p role="alert" className="text-berry-600 text-sm">
          {t("previewFailed")}
        </p>
      ) : null}
      <PlanWarnings
        warnings={preview?.warnings ?? []}
        items={entries.map((e) => e.view ?? { ...e.input, title: null })}
      />

      {plan.days.map((day, dayIndex) => (
        <div key={day} className="space-y-3">
          <DayTimeline
            day={day}
            dayIndex={dayIndex}
            days={plan.days}
            items={entries.filter((e) => e.input.day === day)}
            flagged={flagged}
            onChange={(index, c) => change((p) => changeItem(p, index, c))}
            onRemove={(index) => change((p) => removeItem(p, index))}
          />
          <AddToDay
            day={day}
            catalogue={catalogue}
            suggestions={preview?.suggestions[day] ?? []}
            nextStart={nextStart(plan, day, endOf)}
            onAdd={(item) => change((p) => addItem(p, item))}
          />
        </div>
      ))}

      <PlanMap days={plan.days} items={entries} tiles={tiles} labels={mapLabels} />

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
            setBought(count);
            if (count > 0) router.push("/checkout");
          }}
          className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-medium text-white disabled:opacity-50"
        >
          {t("buyNeeds", { count: needs })}
        </button>
        {bought === 0 ? <p className="text-sm">{t("nothingToBuy")}</p> : null}
        <div className="flex flex-wrap gap-3 text-sm">
          {calendarHref ? (
            <a href={calendarHref} className="text-brand-700 underline" download>
              {t("exportIcs")}
            </a>
          ) : (
            <button
              type="button"
              className="text-brand-700 underline"
              onClick={async () => {
                const res = await fetch(`/api/trips/preview?format=ics&lang=${locale === "en" ? "en" : "zh"}`, {
                  method: "POST",
                  headers: { "content-type": "application/json" },
                  body: JSON.stringify(plan),
                });
                if (!res.ok) return;
                const url = URL.createObjectURL(await res.blob());
                const a = document.createElement("a");
                a.href = url;
                a.download = "suoqian-trip.ics";
                a.click();
                URL.revokeObjectURL(url);
              }}
            >
              {t("exportIcs")}
            </button>
          )}
          {store === "account" && id ? (
            shareUrl ? (
              <span className="flex w-full flex-wrap items-center gap-2">
                <label className="flex min-w-0 flex-1 items-center gap-2">
                  <span>{t("shareLink")}</span>
                  <input
                    readOnly
                    value={shareUrl}
                    className="min-w-0 flex-1 rounded border border-stone-300 px-2 py-1"
                  />
                </label>
                <button type="button" className="text-berry-600 underline" onClick={() => share(false)}>
                  {t("unshare")}
                </button>
              </span>
            ) : (
              <button type="button" className="text-brand-700 underline" onClick={() => share(true)}>
                {t("share")}
              </button>
            )
          ) : null}
        </div>
        {store === "browser" ? <p className="text-sm text-stone-600">{t("signInToKeep")}</p> : null}
      </section>
    </div>
  );
}
