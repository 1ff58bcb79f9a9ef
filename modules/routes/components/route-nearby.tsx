import { getFormatter, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import type { NearbyDto } from "../nearby-queries";

/** Festivals and workshop produce within reach of the route's stops. */
export async function RouteNearby({ nearby, locale }: { nearby: NearbyDto; locale: Locale }) {
  if (nearby.festivals.length === 0 && nearby.products.length === 0) return null;
  const t = await getTranslations("routes");
  const format = await getFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), { month: "short", day: "numeric" });
  return (
    <section className="no-print space-y-3" data-testid="route-nearby">
      <h2 className="font-semibold text-lg">{t("nearbyTitle")}</h2>
      {nearby.festivals.length > 0 ? (
        <div>
          <h3 className="text-sm text-stone-500">{t("nearbyFestivals")}</h3>
          <ul className="mt-1 space-y-1">
            {nearby.festivals.map((f) => (
              <li key={f.slug} className="rounded-lg bg-white p-3 shadow-sm">
                <span className="font-medium">{pick(f.name, locale)}</span>{" "}
                <span className="text-sm text-stone-600">
                  {t("dates", { start: day(f.startsOn), end: day(f.endsOn) })}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {nearby.products.length > 0 ? (
        <div>
          <h3 className="text-sm text-stone-500">{t("nearbyProducts")}</h3>
          <ul className="mt-1 grid gap-2 sm:grid-cols-2">
            {nearby.products.map((p) => (
              <li key={p.slug} className="rounded-lg bg-white p-3 shadow-sm">
                <span className="block font-medium">{pick(p.name, locale)}</span>
                <span className="block text-sm text-stone-600">
                  {t("perUnit", { price: formatMoney(p.priceCents, p.currency, locale), unit: t(`units.${p.unit}`) })} ·{" "}
                  {pick(p.workshop, locale)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
