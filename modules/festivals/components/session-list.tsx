"use client";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useMemo, useState } from "react";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { updateBasket } from "@/modules/basket/use-basket";
import type { ClientFestival } from "../client-festival";
import { lowestPrice } from "../hero";
import { availability, seatLevel, sessionsByDay } from "./session-list/availability";
import { BookingBar } from "./session-list/booking-bar";
import { DayChips } from "./session-list/day-chips";
import { SessionChoices } from "./session-list/session-choices";
import { TicketChooser } from "./session-list/ticket-chooser";
import { maxFor, type Quantities, withTickets } from "./session-list/tickets";
import { useLiveSeats } from "./session-list/use-live-seats";
import { WaitlistOffers } from "./session-list/waitlist-offers";

type Session = ClientFestival["sessions"][number];

/** Dates and times as the visitor reads them, formatted on the server (building Intl formatters costs a phone tens of milliseconds). */
export type SessionLabels = {
  sessions: Record<string, { day: string; start: string; end: string }>;
  salesStart: string;
};

/**
 * Sessions by day with the seats left, fetched live (the page itself is served
 * from cache), and the ticket choice for the chosen session, into the basket.
 */
export function SessionList({ festival, labels }: { festival: ClientFestival; labels: SessionLabels }) {
  const t = useTranslations("festivals");
  const locale = useLocale();
  const router = useRouter();
  const { remaining, now } = useLiveSeats(festival.slug);
  const [day, setDay] = useState<string | null>(null);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [quantities, setQuantities] = useState<Quantities>({});
  const [added, setAdded] = useState(false);

  // A session tapped on the first screen (#session-<id>): its day and the session, chosen.
  useEffect(() => {
    const pickFromHash = () => {
      const id = /^#session-(.+)$/.exec(window.location.hash)?.[1];
      const session = festival.sessions.find((s) => s.id === id);
      if (!session) return;
      setDay(labels.sessions[session.id]?.day ?? session.startsAt.slice(0, 10));
      setSessionId(session.id);
      setQuantities({});
      setAdded(false);
    };
    pickFromHash();
    window.addEventListener("hashchange", pickFromHash);
    return () => window.removeEventListener("hashchange", pickFromHash);
  }, [festival.sessions, labels]);

  const times = (s: Session) => `${labels.sessions[s.id]?.start ?? ""}–${labels.sessions[s.id]?.end ?? ""}`;
  const days = useMemo(() => sessionsByDay(festival.sessions, labels.sessions), [festival.sessions, labels]);
  const { known, bookable, waitable, selectable } = availability(festival, remaining, now);

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

  // Only while on sale and still to come; otherwise the status says why it cannot be booked.
  const seats = (s: Session) => {
    const left = remaining?.get(s.id);
    return known && (bookable(s) || waitable(s)) ? seatLevel(left, s.capacity) : "unknown";
  };

  const seatsLeft = chosen ? (remaining?.get(chosen.id) ?? 0) : 0;
  const ticketsChosen = Object.values(quantities).reduce((sum, q) => sum + q, 0);

  const from = lowestPrice(festival.ticketTypes);
  const totalCents = festival.ticketTypes.reduce((sum, tt) => sum + (quantities[tt.id] ?? 0) * tt.priceCents, 0);
  const currency = festival.ticketTypes[0]?.currency ?? "CNY";

  function addToBasket(): boolean {
    if (!chosen || ticketsChosen === 0) return false;
    updateBasket((basket) => withTickets(basket, festival, chosen, quantities));
    setQuantities({});
    return true;
  }

  return (
    <div className="space-y-4" data-testid="session-list">
      <p className="text-sm text-stone-500">{t("liveNote")}</p>
      <DayChips
        days={days}
        shownDay={shownDay}
        known={known}
        bookable={bookable}
        onPick={(key) => {
          setDay(key);
          setSessionId(null);
          setAdded(false);
        }}
      />
      <SessionChoices
        sessions={daySessions}
        times={times}
        status={status}
        seats={seats}
        picked={picked}
        selectable={selectable}
        onPick={(s) => {
          setSessionId(s.id);
          setQuantities({});
          setAdded(false);
        }}
      />
      {chosen ? (
        <TicketChooser
          festival={festival}
          sessionId={chosen.id}
          day={shownDay}
          times={times(chosen)}
          quantities={quantities}
          maxFor={(tt) => maxFor(festival, tt, quantities, seatsLeft)}
          onQuantity={(tt, value) => {
            setQuantities((q) => ({ ...q, [tt.id]: value }));
            setAdded(false);
          }}
        />
      ) : null}
      <WaitlistOffers festival={festival} waiting={waiting} chosen={chosen} seatsLeft={seatsLeft} />
      {added ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900 text-sm">
          {t("added")}{" "}
          <Link href="/checkout" className="underline">
            {t("goToCheckout")}
          </Link>
        </p>
      ) : null}
      <BookingBar
        fromPrice={from ? formatMoney(from.cents, from.currency, locale) : null}
        chosen={chosen ? `${shownDay ?? ""} ${times(chosen)}` : null}
        total={formatMoney(totalCents, currency, locale)}
        count={ticketsChosen}
        onChoose={() => document.getElementById("sessions")?.scrollIntoView({ behavior: "smooth", block: "start" })}
        onAdd={() => setAdded(addToBasket())}
        onBuy={() => {
          if (addToBasket()) router.push("/checkout");
        }}
      />
    </div>
  );
}
