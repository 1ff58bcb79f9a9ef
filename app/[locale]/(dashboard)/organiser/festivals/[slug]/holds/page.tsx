import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { findManagedFestival } from "@/modules/auth/festival-scope";
import { requirePagePermission } from "@/modules/auth/session";
import { SessionHolds } from "@/modules/bookings/components/held-seats/session-holds";
import { heldSeatsByAddress } from "@/modules/bookings/held-seats";

// Seats sold and held unpaid per session, the unpaid holds grouped by the client address
// they came from (largest first), and the release of a suspicious group. `?session=` shows one session.
export default async function HeldSeatsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/organiser/festivals/[slug]/holds">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/festivals/${slug}/holds`);
  const festival = await findManagedFestival(user, slug);
  if (!festival) notFound();
  const session = (await searchParams).session;
  const sessionId = typeof session === "string" && session.length <= 64 ? session : undefined;
  const sessions = await heldSeatsByAddress(festival.id, { sessionId });
  const t = await getTranslations("bookings.holds");
  return (
    <>
      <nav className="flex flex-wrap gap-x-4 text-sm">
        <Link
          href={`/organiser/festivals/${slug}`}
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >
          ← {localized(festival, "name", locale)}
        </Link>
        {sessionId ? (
          <Link
            href={`/organiser/festivals/${slug}/holds`}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("allSessions")}
          </Link>
        ) : null}
      </nav>
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      {sessions.length === 0 ? <p className="text-stone-500">{t("noSessions")}</p> : null}
      {sessions.map((s) => (
        <SessionHolds key={s.id} session={s} />
      ))}
    </>
  );
}
