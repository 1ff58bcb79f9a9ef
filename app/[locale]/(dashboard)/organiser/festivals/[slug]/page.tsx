import { notFound } from "next/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { findManagedFestival } from "@/modules/auth/festival-scope";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { FestivalHeading } from "@/modules/bookings/components/festival-dashboard/festival-heading";
import { FestivalTotals } from "@/modules/bookings/components/festival-dashboard/festival-totals";
import { SalesSection } from "@/modules/bookings/components/festival-dashboard/sales-section";
import { SessionsTable } from "@/modules/bookings/components/festival-dashboard/sessions-table";
import { festivalStats, salesPerDay } from "@/modules/bookings/queries";

// The organiser's view of one festival: seats per session, sales per day, check-ins.
export default async function FestivalDashboardPage({ params }: PageProps<"/[locale]/organiser/festivals/[slug]">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/festivals/${slug}`);
  const festival = await findManagedFestival(user, slug);
  if (!festival) notFound();
  const [sessions, sales] = await Promise.all([festivalStats(festival.id), salesPerDay(festival.id)]);
  return (
    <>
      <FestivalHeading
        name={localized(festival, "name", locale)}
        slug={slug}
        canCheckIn={can(user.role, "checkIn.perform")}
      />
      <FestivalTotals sessions={sessions} sales={sales} locale={locale} />
      <SalesSection sales={sales} locale={locale} />
      <SessionsTable sessions={sessions} slug={slug} />
    </>
  );
}
