import { getFormatter, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import type { FestivalDto } from "../festival-queries";
import { festivalDrawing, lowestPrice, upcomingSessions, weekendSessions } from "../hero";
import type { SessionLabels } from "./session-list";
import { WeekendSeats } from "./weekend-seats";

/**
 * The festival page's first screen on a phone: a drawn banner, the name, dates and venue,
 * the lowest price, the seats left this (or the next) weekend, and the next sessions to
 * tap (each opens in the session list below). The story comes after the booking.
 */
export async function FestivalHero({
  festival,
  locale,
  labels,
  now,
}: {
  festival: FestivalDto;
  locale: string;
  labels: SessionLabels;
  now: Date;
}) {
  const t = await getTranslations("festivals");
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium" });
  const from = lowestPrice(festival.ticketTypes);
  const next = upcomingSessions(festival.sessions, now, 3);
  const weekend = weekendSessions(festival.sessions, now);
  const drawing = festivalDrawing(festival);
  const weekendDates = weekend
    ? format.dateTimeRange(
        new Date(`${weekend.saturday}T12:00:00+08:00`),
        new Date(new Date(`${weekend.saturday}T12:00:00+08:00`).getTime() + 86_400_000),
        { month: "long", day: "numeric", timeZone: "Asia/Shanghai" },
      )
    : "";
  return (
    <header className="space-y-3">
      <img
        src={`/drawings/festival-${drawing}.svg`}
        alt=""
        width={800}
        height={320}
        fetchPriority="high"
        className="aspect-[5/2] w-full rounded-xl bg-brand-50 object-cover"
        data-testid="festival-banner"
      />
      <h1 className="font-bold text-2xl">{pick(festival.name, locale)}</h1>
      <p className="text-stone-600">
        {t("dates", { start: day(festival.startsOn), end: day(festival.endsOn) })} · {pick(festival.venue, locale)}
      </p>
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        {from ? (
          <p className="font-bold text-berry-600 text-xl" data-testid="from-price">
            {t("fromPrice", { price: formatMoney(from.cents, from.currency, locale) })}
          </p>
        ) : null}
        {weekend ? (
          <WeekendSeats
            slug={festival.slug}
            sessionIds={weekend.sessionIds}
            thisWeekend={weekend.thisWeekend}
            weekend={weekendDates}
          />
        ) : null}
      </div>
      {next.length > 0 ? (
        <nav aria-label={t("nextSessions")}>
          <h2 className="mb-1 font-medium text-sm text-stone-600">{t("nextSessions")}</h2>
          <ul className="flex gap-2 overflow-x-auto pb-1">
            {next.map((s) => (
              <li key={s.id} className="shrink-0">
                <a
                  href={`#session-${s.id}`}
                  className="flex min-h-11 flex-col justify-center rounded-lg border border-brand-600 bg-white px-3 py-1 text-brand-800 text-sm"
                  data-hero-session={s.id}
                >
                  <span className="font-medium">{labels.sessions[s.id]?.day}</span>
                  <span>
                    {labels.sessions[s.id]?.start}–{labels.sessions[s.id]?.end}
                    {s.label ? ` ${pick(s.label, locale)}` : ""}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
