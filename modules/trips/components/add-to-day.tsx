"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { shanghaiDay } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { dateParts } from "../evaluate";
import { isClock, nextFestival } from "../plan-edits";
import type { PlannerCatalogue, TripItemInput, TripSuggestion } from "../types";
import { AddRow } from "./planner/add-row";
import { routesBySeason, sessionsOn } from "./planner/day-choices";
import { DaySuggestions } from "./planner/day-suggestions";
import { todayInSuoqian } from "./planner/today";

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
  const routes = routesBySeason(catalogue.routes, month);
  const sessions = sessionsOn(catalogue.festivals, day);
  const [routeSlug, setRouteSlug] = useState("");
  const [sessionId, setSessionId] = useState("");
  const [productId, setProductId] = useState("");
  const [start, setStart] = useState<string | null>(null);
  const when = start && isClock(start) ? start : nextStart;
  const time = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  // A day without a session: when the next festival is, and the calendar at its month.
  const next = sessions.length === 0 ? nextFestival(catalogue.festivals, day, todayInSuoqian()) : null;

  return (
    <details className="rounded-xl bg-stone-50 p-3" open>
      <summary className="min-h-11 cursor-pointer py-2 font-medium">{t("addTitle")}</summary>
      <div className="mt-3 space-y-3 text-sm">
        <label className="flex flex-wrap items-center gap-2" htmlFor={`${id}-start`}>
          <span>{t("startAt")}</span>
          <input
            id={`${id}-start`}
            type="time"
            step={900}
            value={when}
            onChange={(e) => setStart(e.target.value)}
            className="min-h-11 rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <AddRow
          id={`${id}-route`}
          label={t("route")}
          value={routeSlug}
          onChange={setRouteSlug}
          placeholder={t("choose")}
          addLabel={t("addRoute")}
          onAdd={() => {
            onAdd({ kind: "route", slug: routeSlug, day, start: when });
            setRouteSlug("");
            setStart(null);
          }}
        >
          {routes.map((r) => (
            <option key={r.slug} value={r.slug}>
              {pick(r.title, locale)}
              {r.months.includes(month) ? ` · ${t("inSeason")}` : ""}
            </option>
          ))}
        </AddRow>
        <AddRow
          id={`${id}-session`}
          label={t("session")}
          value={sessionId}
          onChange={setSessionId}
          disabled={sessions.length === 0}
          placeholder={sessions.length === 0 ? t("noSessionsThatDay") : t("choose")}
          addLabel={t("addSession")}
          onAdd={() => {
            onAdd({ kind: "session", sessionId, day, quantity: 1 });
            setSessionId("");
          }}
        >
          {sessions.map(({ festival, session }) => (
            <option key={session.id} value={session.id}>
              {pick(festival.name, locale)} {time(session.startsAt)}–{time(session.endsAt)}
              {session.label ? ` ${pick(session.label, locale)}` : ""}
            </option>
          ))}
        </AddRow>
        {sessions.length === 0 ? (
          <p data-testid="next-festival">
            <Link
              href={next ? `/calendar?month=${next.day.slice(0, 7)}` : "/calendar"}
              className="inline-flex min-h-11 items-center text-brand-700 underline"
            >
              {next
                ? t("nextFestival", {
                    name: pick(next.festival.name, locale),
                    date: format.dateTime(shanghaiDay(next.day).start, {
                      month: "long",
                      day: "numeric",
                      weekday: "short",
                    }),
                  })
                : t("festivalCalendar")}
            </Link>
          </p>
        ) : null}
        <AddRow
          id={`${id}-product`}
          label={t("pickup")}
          value={productId}
          onChange={setProductId}
          placeholder={t("choose")}
          addLabel={t("addPickup")}
          onAdd={() => {
            onAdd({ kind: "pickup", productId, day, start: when, quantity: 1 });
            setProductId("");
            setStart(null);
          }}
        >
          {catalogue.products.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.name, locale)} · {pick(p.workshop.name, locale)}
            </option>
          ))}
        </AddRow>
        {suggestions.length > 0 ? (
          <DaySuggestions suggestions={suggestions} day={day} when={when} onAdd={onAdd} />
        ) : null}
      </div>
    </details>
  );
}
