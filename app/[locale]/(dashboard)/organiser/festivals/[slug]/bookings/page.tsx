import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized, pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { sessionTime } from "@/lib/session-time";
import { requirePagePermission } from "@/modules/auth/session";
import { findManagedFestival } from "@/modules/bookings/access";
import { bookingFilterQuery, ORDER_STATUSES, parseBookingFilter } from "@/modules/bookings/filter";
import { festivalStats, searchBookings } from "@/modules/bookings/queries";

// Bookings of one festival: search, filter by session and status, page through, export.
export default async function BookingsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/organiser/festivals/[slug]/bookings">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/festivals/${slug}/bookings`);
  const festival = await findManagedFestival(user, slug);
  if (!festival) notFound();
  const t = await getTranslations("bookings");
  const to = await getTranslations("order");
  const format = await getFormatter();
  const filter = parseBookingFilter(await searchParams);
  const [result, sessions] = await Promise.all([
    searchBookings(festival.id, filter, filter.page),
    festivalStats(festival.id),
  ]);
  const base = `/organiser/festivals/${slug}/bookings`;
  return (
    <>
      <nav className="text-sm">
        <Link href={`/organiser/festivals/${slug}`} className="text-brand-700 underline">
          ← {localized(festival, "name", locale)}
        </Link>
      </nav>
      <PageTitle>{t("title")}</PageTitle>
      <form method="get" className="grid gap-2 rounded-xl bg-white p-3 shadow-sm sm:grid-cols-[2fr_2fr_1fr_auto]">
        <label className="text-sm">
          <span className="block text-stone-600">{t("search")}</span>
          <input
            name="q"
            type="search"
            defaultValue={filter.q ?? ""}
            placeholder={t("searchPlaceholder")}
            className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("session")}</span>
          <select
            name="session"
            defaultValue={filter.sessionId ?? ""}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2"
          >
            <option value="">{t("allSessions")}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionTime(format, s)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block text-stone-600">{t("status")}</span>
          <select
            name="status"
            defaultValue={filter.status?.toLowerCase() ?? ""}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2"
          >
            <option value="">{t("allStatuses")}</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s.toLowerCase()}>
                {to(`status.${s.toLowerCase() as "paid"}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-lg bg-brand-600 px-4 py-2 text-white">
            {t("filter")}
          </button>
        </div>
      </form>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p data-testid="bookings-count">{t("found", { count: result.total })}</p>
        <a
          href={`/api/festivals/${slug}/bookings.csv${bookingFilterQuery(filter, { lang: locale === "en" ? "en" : "zh" })}`}
          className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
          download
        >
          {t("exportCsv")}
        </a>
      </div>
      {result.orders.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-600 shadow-sm">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl bg-white shadow-sm">
          {result.orders.map((o) => (
            <li key={o.id} data-booking={o.code}>
              <Link href={`/organiser/orders/${o.id}`} className="block p-3 hover:bg-brand-50">
                <span className="flex flex-wrap justify-between gap-2">
                  <span className="font-medium">
                    {o.customerName} · {o.customerPhone}
                  </span>
                  <span className="text-sm">
                    {to(`status.${o.status.toLowerCase() as "paid"}`)} · {formatMoney(o.totalCents, o.currency, locale)}
                  </span>
                </span>
                <span className="block text-sm text-stone-600">
                  {o.code} · {o.customerEmail} ·{" "}
                  {format.dateTime(o.createdAt, { dateStyle: "short", timeStyle: "short" })}
                </span>
                <span className="block text-sm text-stone-600">
                  {o.items
                    .map(
                      (i) =>
                        `${pick({ zh: i.nameZh, en: i.nameEn }, locale)} × ${i.quantity}${i.session ? ` (${format.dateTime(i.session.startsAt, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })})` : ""}`,
                    )
                    .join(" · ")}
                  {o._count.tickets > 0 ? ` · ${t("checkedInCount", { count: o._count.tickets })}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {result.pages > 1 ? (
        <nav className="flex items-center justify-between text-sm" aria-label={t("pages")}>
          {filter.page > 1 ? (
            <Link
              href={`${base}${bookingFilterQuery(filter, { page: String(filter.page - 1) })}`}
              className="underline"
            >
              ← {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span>{t("page", { page: filter.page, pages: result.pages })}</span>
          {filter.page < result.pages ? (
            <Link
              href={`${base}${bookingFilterQuery(filter, { page: String(filter.page + 1) })}`}
              className="underline"
            >
              {t("next")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
