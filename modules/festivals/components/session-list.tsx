"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { addLine, type TicketLine } from "@/modules/basket/basket";
import { updateBasket } from "@/modules/basket/use-basket";
import { JoinWaitlist } from "@/modules/waitlist/components/join-waitlist";
import type { FestivalDto } from "../find-festivals";

const REFRESH_MS = 15_000;

type Session = FestivalDto["sessions"][number];

/** Dates and times as the visitor reads them, formatted on the server (building Intl formatters costs a phone tens of milliseconds). */
export type SessionLabels = {
  sessions: Record<string, { day: string; start: string; end: string }>;
  salesStart: string;
};

/**
 * Sessions by day with the seats left, fetched live (the page itself is served
 * from cache), and the ticket choice for the chosen session, into the basket.
 */
export function SessionList({ festival, labels }: { festival: FestivalDto; labels: SessionLabels }) {
  const t = useTranslations("festivals");
  const tw = useTranslations("waitlist");
  const locale = useLocale();
  const router = useRouter();
  const [remaining, setRemaining] = useState<Map<string, number> | null>(null);
  // The page is cached, so "now" is the browser's, read once the seats arrive.
  const [now, setNow] = useState<Date | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [added, setAdded] = useState(false);

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const res = await fetch(`/api/festivals/${festival.slug}/availability`, { cache: "no-store" });
        const body = (await res.json()) as { sessions: { id: string; remaining: number }[] };
        if (!live) return;
        setRemaining(new Map(body.sessions.map((s) => [s.id, s.remaining])));
        setNow(new Date());
      } catch {
        // Keep what we showed; the next refresh tries again.
      }
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [festival.slug]);

  const times = (s: Session) => `${labels.sessions[s.id]?.start ?? ""}–${labels.sessions[s.id]?.end ?? ""}`;
  const days = useMemo(() => {
    const byDay = new Map<string, Session[]>();
    for (const s of festival.sessions) {
      const key = labels.sessions[s.id]?.day ?? s.startsAt.slice(0, 10);
      byDay.set(key, [...(byDay.get(key) ?? []), s]);
    }
    return [...byDay];
  }, [festival.sessions, labels]);

  const onSaleNow = now !== null && new Date(festival.salesStartAt) <= now && now < new Date(festival.salesEndAt);
  const bookable = (s: Session) =>
    onSaleNow && now !== null && new Date(s.startsAt) > now && (remaining?.get(s.id) ?? 0) > 0;
  // Sold out but still selling: the visitor may join its waiting list.
  const waitable = (s: Session) =>
    onSaleNow && now !== null && new Date(s.startsAt) > now && remaining?.get(s.id) === 0;

  // Until the seats arrive nothing looks unavailable: a session may be picked (it opens once
  // its seats are known), and the days and sessions keep their look when they arrive, rather
  // than all flashing from "none left" to open, each restyled as the page becomes usable.
  const known = remaining !== null && now !== null;
  const selectable = (s: Session) => !known || bookable(s) || waitable(s);

  // Until the visitor picks, show the first day that still has seats.
  const shownDay = day ?? days.find(([, sessions]) => sessions.some(bookable))?.[0] ?? days[0]?.[0] ?? null;
  const daySessions = days.find(([key]) => key === shownDay)?.[1] ?? [];
  const chosen = festival.sessions.find((s) => s.id === sessionId && bookable(s)) ?? null;
  const waiting = chosen ? null : (festival.sessions.find((s) => s.id === sessionId && waitable(s)) ?? null);
  const picked = (s: Session) => (known ? chosen?.id === s.id || waiting?.id === s.id : sessionId === s.id);

  function status(s: Session) {
    const left = remaining?.get(s.id);
    if (!now || left === undefined) return t("loading");
    if (new Date(s.startsAt) <= now) return t("past");
    if (new Date(festival.salesStartAt) > now) return t("notYetOnSale", { date: labels.salesStart });
    if (now >= new Date(festival.salesEndAt)) return t("salesClosed");
    return left === 0 ? t("soldOut") : t("remaining", { count: left });
  }

  const seatsLeft = chosen ? (remaining?.get(chosen.id) ?? 0) : 0;
  const seatsChosen = festival.ticketTypes.reduce((sum, tt) => sum + (quantities[tt.id] ?? 0) * tt.admissions, 0);
  const ticketsChosen = Object.values(quantities).reduce((sum, q) => sum + q, 0);
  const totalCents = festival.ticketTypes.reduce((sum, tt) => sum + (quantities[tt.id] ?? 0) * tt.priceCents, 0);
  const currency = festival.ticketTypes[0]?.currency ?? "CNY";

  function maxFor(tt: FestivalDto["ticketTypes"][number]) {
    const mine = quantities[tt.id] ?? 0;
    const bySeats = Math.floor((seatsLeft - seatsChosen + mine * tt.admissions) / tt.admissions);
    const byOrder = festival.maxTicketsPerOrder - ticketsChosen + mine;
    return Math.max(0, Math.min(tt.maxPerOrder, bySeats, byOrder));
  }

  function addToBasket(): boolean {
    if (!chosen || ticketsChosen === 0) return false;
    updateBasket((basket) =>
      festival.ticketTypes.reduce((next, tt) => {
        const quantity = quantities[tt.id] ?? 0;
        if (quantity === 0) return next;
        const line: TicketLine = {
          kind: "ticket",
          ticketTypeId: tt.id,
          sessionId: chosen.id,
          quantity,
          festival: { slug: festival.slug, name: festival.name, maxTicketsPerOrder: festival.maxTicketsPerOrder },
          ticketType: {
            name: tt.name,
            priceCents: tt.priceCents,
            currency: tt.currency,
            admissions: tt.admissions,
            maxPerOrder: tt.maxPerOrder,
          },
          session: { startsAt: chosen.startsAt, endsAt: chosen.endsAt },
        };
        return addLine(next, line);
      }, basket),
    );
    setQuantities({});
    return true;
  }

  return (
    <div className="space-y-4" data-testid="session-list">
      <p className="text-sm text-stone-500">{t("liveNote")}</p>
      {/* A fieldset is as wide as its content by default (min-width: min-content): min-w-0 lets the
          day chips scroll inside the screen instead of widening the page. */}
      <fieldset className="min-w-0">
        <legend className="mb-2 font-medium">{t("chooseDay")}</legend>
        <div className="flex gap-2 overflow-x-auto pb-1">
          {days.map(([key, sessions]) => (
            <button
              key={key}
              type="button"
              aria-pressed={key === shownDay}
              onClick={() => {
                setDay(key);
                setSessionId(null);
                setAdded(false);
              }}
              // A day without seats is dashed, not faded: faded text fails contrast, and the
              // chosen day stays readable even before the seats have loaded.
              className={`shrink-0 rounded-full border px-3 py-1.5 text-sm ${
                key === shownDay
                  ? "border-brand-600 bg-brand-600 text-white"
                  : known && !sessions.some(bookable)
                    ? "border-stone-300 border-dashed bg-stone-50 text-stone-600"
                    : "border-stone-300 bg-white"
              }`}
            >
              {key}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="min-w-0">
        <legend className="mb-2 font-medium">{t("chooseSession")}</legend>
        <ul className="grid gap-2 sm:grid-cols-3">
          {daySessions.map((s) => (
            <li key={s.id} data-session={s.id}>
              <label
                className={`block rounded-lg border bg-white p-3 ${
                  picked(s) ? "border-brand-600 ring-2 ring-brand-600" : "border-stone-200"
                } ${selectable(s) ? "cursor-pointer" : "opacity-60"}`}
              >
                <input
                  type="radio"
                  name="session"
                  value={s.id}
                  className="sr-only"
                  disabled={!selectable(s)}
                  checked={picked(s)}
                  onChange={() => {
                    setSessionId(s.id);
                    setQuantities({});
                    setAdded(false);
                  }}
                />
                <span className="block font-medium">
                  {times(s)} {s.label ? pick(s.label, locale) : ""}
                </span>
                <span className="block text-sm text-brand-700" data-testid="session-status">
                  {status(s)}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {chosen ? (
        <section aria-label={t("chooseTickets")} className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
          <h3 className="font-medium">
            {t("chooseTickets")} · {shownDay} {times(chosen)}
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
                  onChange={(value) => {
                    setQuantities((q) => ({ ...q, [tt.id]: value }));
                    setAdded(false);
                  }}
                />
              </li>
            ))}
          </ul>
          <p className="text-sm text-stone-500">{t("limit", { count: festival.maxTicketsPerOrder })}</p>
          <div className="flex flex-wrap items-center gap-3">
            <span className="mr-auto font-semibold" data-testid="picker-total">
              {formatMoney(totalCents, currency, locale)}
            </span>
            <button
              type="button"
              disabled={ticketsChosen === 0}
              onClick={() => setAdded(addToBasket())}
              className="rounded-lg border border-brand-600 px-4 py-2 text-brand-700 disabled:opacity-50"
            >
              {t("addToBasket")}
            </button>
            <button
              type="button"
              disabled={ticketsChosen === 0}
              onClick={() => {
                if (addToBasket()) router.push("/checkout");
              }}
              className="rounded-lg bg-brand-600 px-4 py-2 font-medium text-white disabled:opacity-50"
            >
              {t("buyNow")}
            </button>
          </div>
        </section>
      ) : null}
      {waiting ? (
        <section className="rounded-xl bg-white p-4 shadow-sm" data-testid="waitlist-section">
          <JoinWaitlist
            key={waiting.id}
            slug={festival.slug}
            sessionId={waiting.id}
            ticketTypes={festival.ticketTypes}
            maxTicketsPerOrder={festival.maxTicketsPerOrder}
          />
        </section>
      ) : null}
      {chosen && festival.ticketTypes.some((tt) => tt.admissions > seatsLeft) ? (
        <details className="rounded-xl bg-white p-4 shadow-sm">
          <summary className="cursor-pointer text-brand-700">{tw("typeSoldOut")}</summary>
          <div className="mt-3">
            <JoinWaitlist
              key={chosen.id}
              slug={festival.slug}
              sessionId={chosen.id}
              ticketTypes={festival.ticketTypes.filter((tt) => tt.admissions > seatsLeft)}
              maxTicketsPerOrder={festival.maxTicketsPerOrder}
            />
          </div>
        </details>
      ) : null}
      {added ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900 text-sm">
          {t("added")}{" "}
          <Link href="/checkout" className="underline">
            {t("goToCheckout")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}
