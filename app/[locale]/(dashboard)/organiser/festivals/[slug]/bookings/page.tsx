import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Pager } from "@/components/ui/pager";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { findManagedFestival } from "@/modules/auth/festival-scope";
import { requirePagePermission } from "@/modules/auth/session";
import { BookingsFilters, BookingsList } from "@/modules/bookings/components/bookings-list";
import { bookingFilterQuery, parseBookingFilter } from "@/modules/bookings/filter";
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
      <BookingsFilters filter={filter} sessions={sessions} />
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
      <BookingsList orders={result.orders} locale={locale} />
      <Pager
        label={t("pages")}
        page={filter.page}
        pages={result.pages}
        href={(page) => `${base}${bookingFilterQuery(filter, { page: String(page) })}`}
        previous={t("previous")}
        next={t("next")}
        status={t("page", { page: filter.page, pages: result.pages })}
      />
    </>
  );
}
