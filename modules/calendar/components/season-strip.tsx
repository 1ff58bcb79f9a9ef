import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/localized";
import { monthOf } from "../month";
import { getSeasonCatalogue } from "../queries";
import { inSeason } from "../whats-on";
import { getCalendarLabels } from "./labels";

const MOST = 8;

/**
 * The home page's "in season" strip: festivals, picking routes and produce in season this
 * month and the next, from the catalogue the calendar reads. The home page is static; the
 * festival and product reads it makes revalidate hourly, and so does the page with them,
 * so the months move on within the hour.
 */
export async function SeasonStrip() {
  const locale = await getLocale();
  const t = await getTranslations("home");
  const labels = await getCalendarLabels();
  const items = inSeason(await getSeasonCatalogue(), monthOf(new Date())).slice(0, MOST);
  return (
    <section data-testid="season-strip">
      <h2 className="mb-3 font-semibold text-xl">{t("seasonsTitle")}</h2>
      {items.length > 0 ? (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li key={item.id} className="rounded-full bg-brand-50 text-brand-900 text-sm">
              <Link href={item.href} className="inline-flex min-h-11 items-center px-3 hover:underline">
                {pick(item.name, locale)} · {labels.span(item.span)}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-stone-600">{t("seasonsNone")}</p>
      )}
      <p className="mt-3 text-sm">
        <Link href="/calendar" className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("seasonsAll")}
        </Link>
      </p>
    </section>
  );
}
