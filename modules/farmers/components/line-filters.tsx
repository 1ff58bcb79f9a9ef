import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LINE_FILTERS, type LineFilter } from "../order-line-queries";

/** The inbox's filters: a tab per status, a day (with its packing list), and the CSV of what is shown. */
export async function LineFilters({ filter }: { filter: LineFilter }) {
  const t = await getTranslations("farmerOrders");
  const query = (status: string) => ({ status, ...(filter.day ? { day: filter.day } : {}) });
  const csv = new URLSearchParams({ status: filter.status, ...(filter.day ? { day: filter.day } : {}) });
  return (
    <>
      <nav className="flex flex-wrap gap-2" aria-label={t("filter")}>
        {LINE_FILTERS.map((status) => (
          <Link
            key={status}
            href={{ pathname: "/farmer/orders", query: query(status) }}
            aria-current={filter.status === status ? "page" : undefined}
            className="rounded-full border border-stone-300 bg-white px-3 py-1 text-sm aria-[current=page]:border-brand-600 aria-[current=page]:bg-brand-600 aria-[current=page]:text-white"
          >
            {t(`filters.${status}`)}
          </Link>
        ))}
      </nav>
      <form className="flex flex-wrap items-end gap-2" action="">
        <input type="hidden" name="status" value={filter.status} />
        <label className="text-sm">
          <span className="block text-stone-600">{t("day")}</span>
          <input
            type="date"
            name="day"
            defaultValue={filter.day ?? ""}
            className="rounded-lg border border-stone-300 px-2 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm">
          {t("filter")}
        </button>
        {filter.day ? (
          <>
            <Link href={{ pathname: "/farmer/orders", query: { status: filter.status } }} className="text-sm underline">
              {t("clear")}
            </Link>
            <Link
              href={{ pathname: "/farmer/orders/packing", query: { day: filter.day } }}
              className="text-brand-700 text-sm underline"
            >
              {t("packingList")}
            </Link>
          </>
        ) : null}
        <a href={`/api/farmer/orders.csv?${csv}`} className="text-brand-700 text-sm underline" download>
          {t("exportCsv")}
        </a>
      </form>
    </>
  );
}
