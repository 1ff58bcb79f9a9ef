import { getTranslations } from "next-intl/server";
import { formatMoney } from "@/lib/money";
import type { DaySales, SessionStats } from "../../queries";

const COUNTED = ["sold", "held", "remaining", "checkedIn"] as const;

/** The festival's seats summed over its sessions, and the money its tickets took. */
export async function FestivalTotals({
  sessions,
  sales,
  locale,
}: {
  sessions: SessionStats[];
  sales: DaySales[];
  locale: string;
}) {
  const t = await getTranslations("bookings");
  const sum = (key: (typeof COUNTED)[number]) => sessions.reduce((total, s) => total + s[key], 0);
  const revenue = sales.reduce((total, d) => total + d.revenueCents, 0);
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="festival-totals">
      {COUNTED.map((key) => (
        <div key={key} className="rounded-xl bg-white p-3 shadow-sm" data-stat={key}>
          <dt className="text-sm text-stone-500">{t(`stats.${key}`)}</dt>
          <dd className="font-semibold text-2xl">{sum(key)}</dd>
        </div>
      ))}
      <div className="rounded-xl bg-white p-3 shadow-sm">
        <dt className="text-sm text-stone-500">{t("stats.revenue")}</dt>
        <dd className="font-semibold text-2xl">{formatMoney(revenue, "CNY", locale)}</dd>
      </div>
    </dl>
  );
}
