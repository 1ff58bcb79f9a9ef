"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { pick } from "@/lib/localized";
import { dateParts } from "../evaluate";
import { isClock, sessionDay } from "../plan-edits";
import type { PlannerCatalogue } from "../planner-types";
import type { TripItemInput, TripSuggestion } from "../types";

type Props = {
  day: string;
  catalogue: PlannerCatalogue;
  suggestions: TripSuggestion[];
  /** When the next thing can start on this day ("HH:MM"). */
  nextStart: string;
  onAdd: (item: TripItemInput) => void;
};

/** Adds a route, a festival session of that day or a workshop pickup; and the day's suggestions, one tap each. */
export function AddToDay({ day, catalogue, suggestions, nextStart, onAdd }: Props) {
  const t = useTranslations("trips.planner");
  const locale = useLocale();
  const format = useFormatter();
  const id = useId();
  const { month } = dateParts(day);
  const routes = [...catalogue.routes].sort(
    (a, b) => Number(b.months.includes(month)) - Number(a.months.includes(month)) || a.slug.localeCompare(b.slug),
  );
  const sessions = catalogue.festivals.flatMap((f) =>
    f.sessions.filter((s) => sessionDay(s.startsAt) === day).map((s) => ({ festival: f, session: s })),
  );
  const [routeSlug, setRouteSlug] = useState("");
  const [sessionId, setSessionId] = useState("");
  const [productId, setProductId] = useState("");
  const [start, setStart] = useState<string | null>(null);
  const when = start && isClock(start) ? start : nextStart;
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });

  const suggestionLabel = (s: TripSuggestion) =>
    s.kind === "session" ? `${pick(s.title, locale)} ${time(s.startsAt)}–${time(s.endsAt)}` : pick(s.title, locale);
  const addSuggestion = (s: TripSuggestion) => {
    if (s.kind === "route") onAdd({ kind: "route", slug: s.slug, day, start: when });
    else if (s.kind === "session") onAdd({ kind: "session", sessionId: s.sessionId, day, quantity: 1 });
    else onAdd({ kind: "pickup", productId: s.productId, day, start: when, quantity: 1 });
  };

  return (
    <details className="rounded-xl bg-stone-50 p-3" open>
      <summary className="cursor-pointer font-medium">{t("addTitle")}</summary>
      <div className="mt-3 space-y-3 text-sm">
        <label className="flex flex-wrap items-center gap-2" htmlFor={`${id}-start`}>
          <span>{t("startAt")}</span>
          <input
            id={`${id}-start`}
            type="time"
            step={900}
            value={when}
            onChange={(e) => setStart(e.target.value)}
            className="rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-route`} className="w-full sm:w-auto">
            {t("route")}
          </label>
          <select
            id={`${id}-route`}
            value={routeSlug}
            onChange={(e) => setRouteSlug(e.target.value)}
            className="min-w-0 max-w-full flex-1 rounded border border-stone-300 px-2 py-1"
          >
            <option value="">{t("choose")}</option>
            {routes.map((r) => (
              <option key={r.slug} value={r.slug}>
                {pick(r.title, locale)}
                {r.months.includes(month) ? ` · ${t("inSeason")}` : ""}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!routeSlug}
            onClick={() => {
              onAdd({ kind: "route", slug: routeSlug, day, start: when });
              setRouteSlug("");
              setStart(null);
            }}
            className="rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 disabled:opacity-50"
          >
            {t("addRoute")}
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-session`} className="w-full sm:w-auto">
            {t("session")}
          </label>
          <select
            id={`${id}-session`}
            value={sessionId}
            onChange={(e) => setSessionId(e.target.value)}
            disabled={sessions.length === 0}
            className="min-w-0 max-w-full flex-1 rounded border border-stone-300 px-2 py-1"
          >
            <option value="">{sessions.length === 0 ? t("noSessionsThatDay") : t("choose")}</option>
            {sessions.map(({ festival, session }) => (
              <option key={session.id} value={session.id}>
                {pick(festival.name, locale)} {time(session.startsAt)}–{time(session.endsAt)}
                {session.label ? ` ${pick(session.label, locale)}` : ""}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!sessionId}
            onClick={() => {
              onAdd({ kind: "session", sessionId, day, quantity: 1 });
              setSessionId("");
            }}
            className="rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 disabled:opacity-50"
          >
            {t("addSession")}
          </button>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-product`} className="w-full sm:w-auto">
            {t("pickup")}
          </label>
          <select
            id={`${id}-product`}
            value={productId}
            onChange={(e) => setProductId(e.target.value)}
            className="min-w-0 max-w-full flex-1 rounded border border-stone-300 px-2 py-1"
          >
            <option value="">{t("choose")}</option>
            {catalogue.products.map((p) => (
              <option key={p.id} value={p.id}>
                {pick(p.name, locale)} · {pick(p.workshop.name, locale)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!productId}
            onClick={() => {
              onAdd({ kind: "pickup", productId, day, start: when, quantity: 1 });
              setProductId("");
              setStart(null);
            }}
            className="rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 disabled:opacity-50"
          >
            {t("addPickup")}
          </button>
        </div>
        {suggestions.length > 0 ? (
          <div>
            <h3 className="mb-1 font-medium">{t("suggestionsTitle")}</h3>
            <ul className="space-y-1" data-testid="trip-suggestions">
              {suggestions.map((s) => (
                <li key={`${s.kind}-${s.kind === "route" ? s.slug : s.kind === "session" ? s.sessionId : s.productId}`}>
                  <button type="button" onClick={() => addSuggestion(s)} className="text-left text-brand-700 underline">
                    + {t(`kind.${s.kind}`)}: {suggestionLabel(s)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  );
}
