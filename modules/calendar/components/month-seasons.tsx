import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import type { WhatsOn } from "../whats-on";
import { getCalendarLabels } from "./labels";

/** The picking seasons of the month: picking routes and produce, each with its whole season. */
export async function MonthSeasons({ whatsOn }: { whatsOn: WhatsOn }) {
  const locale = await getLocale();
  const t = await getTranslations("calendar");
  const labels = await getCalendarLabels();
  return (
    <section aria-labelledby="calendar-seasons" className="mb-6">
      <h2 id="calendar-seasons" className="mb-3 font-semibold text-xl">
        {t("seasonsTitle", { month: labels.month(whatsOn.month) })}
      </h2>
      {whatsOn.seasons.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {whatsOn.seasons.map((s) => (
            <li key={s.id} data-season={s.id} className="rounded-xl bg-brand-50 px-3 py-1 text-brand-900 text-sm">
              <span className="text-stone-600">{t(`kinds.${s.kind}`)}</span>{" "}
              <Link href={s.href} className="font-medium hover:underline">
                {pick(s.name, locale)}
              </Link>{" "}
              · {labels.span(s.span)}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600">{t("noSeasons")}</p>
      )}
    </section>
  );
}
