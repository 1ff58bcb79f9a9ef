import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { addMonths, type Month, monthKey } from "../month";
import { getCalendarLabels } from "./labels";

const href = (m: Month) => ({ pathname: "/calendar", query: { month: monthKey(m) } });

/** The shown month between links to the months before and after it (the URL keeps the month). */
export async function MonthNav({ month, current }: { month: Month; current: Month }) {
  const t = await getTranslations("calendar");
  const labels = await getCalendarLabels();
  const before = addMonths(month, -1);
  const after = addMonths(month, 1);
  const link = "rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm hover:border-brand-600";
  return (
    <nav aria-label={t("monthNav")} className="my-4 flex flex-wrap items-center justify-between gap-2">
      <Link href={href(before)} className={link} rel="prev">
        {t("previous", { month: labels.month(before) })}
      </Link>
      <p className="text-center">
        <span className="block font-semibold text-lg" data-testid="calendar-month">
          {labels.month(month)}
        </span>
        {monthKey(month) === monthKey(current) ? null : (
          <Link href="/calendar" className="text-brand-700 text-sm underline">
            {t("thisMonth")}
          </Link>
        )}
      </p>
      <Link href={href(after)} className={link} rel="next">
        {t("next", { month: labels.month(after) })}
      </Link>
    </nav>
  );
}
