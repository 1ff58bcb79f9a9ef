import { getLocale, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import type { DateKey } from "../month";
import { type CalendarDay, type WhatsOn, weeksOf } from "../whats-on";
import { FestivalDay } from "./festival-day";
import { getCalendarLabels } from "./labels";

/**
 * The month's festival days, one markup for two layouts: on a phone a list by week
 * (weeks with headings, only the days that have something on), from `md` a month grid
 * of seven columns (the week headings hidden but read out, every day a cell).
 */
export async function MonthCalendar({ whatsOn, today }: { whatsOn: WhatsOn; today: DateKey }) {
  const locale = await getLocale();
  const t = await getTranslations("calendar");
  const labels = await getCalendarLabels();
  const names = new Map(whatsOn.seasons.map((s) => [s.id, pick(s.name, locale)]));
  const weeks = weeksOf(whatsOn.days);
  const quiet = whatsOn.days.every((d) => d.festivals.length === 0);
  return (
    <section aria-labelledby="calendar-days">
      <h2 id="calendar-days" className="mb-3 font-semibold text-xl">
        {t("daysTitle", { month: labels.month(whatsOn.month) })}
      </h2>
      {quiet ? <p className="mb-3 text-stone-600">{t("noFestivalDays")}</p> : null}
      <div aria-hidden="true" className="hidden text-center text-sm text-stone-600 md:grid md:grid-cols-7">
        {labels.weekdays.map((w) => (
          <span key={w} className="py-1">
            {w}
          </span>
        ))}
      </div>
      <ol className="space-y-4 md:flex md:flex-col md:gap-px md:space-y-0 md:border md:border-stone-200 md:bg-stone-200">
        {weeks.map((week) => {
          const days = week.filter((d): d is CalendarDay => d !== null);
          const first = days[0];
          const last = days.at(-1);
          if (!first || !last) return null;
          const seasons = [...new Set(days.flatMap((d) => d.seasons))].flatMap((id) => names.get(id) ?? []);
          return (
            <li key={first.date} data-week={first.date} className="md:bg-white">
              <h3 className="font-medium text-stone-800 md:sr-only">
                {t("week", { start: labels.day(first.date), end: labels.day(last.date) })}
              </h3>
              <ol className="mt-2 space-y-2 md:mt-0 md:grid md:grid-cols-7 md:gap-px md:space-y-0 md:bg-stone-200">
                {week.map((day, i) =>
                  day ? (
                    <Day key={day.date} day={day} today={day.date === today} />
                  ) : (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the empty cells of a week have nothing else to tell them apart
                    <li key={i} aria-hidden="true" className="hidden bg-stone-100 md:block" />
                  ),
                )}
              </ol>
              {days.some((d) => d.festivals.length > 0) ? null : (
                <p className="mt-1 text-sm text-stone-600 md:hidden">{t("quietWeek")}</p>
              )}
              {seasons.length > 0 ? (
                <p className="mt-1 text-stone-600 text-xs md:mt-0 md:border-stone-200 md:border-t md:px-2 md:py-1">
                  {t("weekSeasons", { list: labels.list(seasons) })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

async function Day({ day, today }: { day: CalendarDay; today: boolean }) {
  const t = await getTranslations("calendar");
  const labels = await getCalendarLabels();
  const busy = day.festivals.length > 0;
  const Heading = busy ? "h4" : "p";
  return (
    <li
      data-date={day.date}
      aria-current={today ? "date" : undefined}
      className={`min-w-0 md:min-h-24 md:p-1 ${busy ? "" : "hidden md:block"} ${today ? "md:bg-amber-50" : "md:bg-white"}`}
    >
      <Heading className="font-medium text-sm text-stone-800">
        <time dateTime={day.date}>
          <span className="md:sr-only">{labels.fullDay(day.date)}</span>
          <span aria-hidden="true" className="hidden md:inline">
            {day.day}
          </span>
        </time>
        {today ? <span className="ml-2 rounded bg-amber-200 px-1 text-amber-900 text-xs">{t("today")}</span> : null}
      </Heading>
      {busy ? (
        <div className="mt-1 space-y-1">
          {day.festivals.map((f) => (
            <FestivalDay key={f.slug} day={f} />
          ))}
        </div>
      ) : null}
    </li>
  );
}
