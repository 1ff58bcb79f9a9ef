import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";

/** The way back to the festivals, the festival's name, and its other back-office pages. */
export async function FestivalHeading({ name, slug, canCheckIn }: { name: string; slug: string; canCheckIn: boolean }) {
  const t = await getTranslations("bookings");
  return (
    <>
      <nav className="text-sm">
        <Link href="/organiser" className="text-brand-700 underline">
          ← {t("backToFestivals")}
        </Link>
      </nav>
      <PageTitle>{name}</PageTitle>
      <div className="flex flex-wrap gap-2 text-sm">
        <Link
          href={`/organiser/festivals/${slug}/bookings`}
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-3 py-2 text-white"
        >
          {t("bookingsLink")}
        </Link>
        {canCheckIn ? (
          <Link
            href={`/organiser/check-in?festival=${slug}`}
            className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
          >
            {t("checkInLink")}
          </Link>
        ) : null}
        <Link
          href={`/organiser/festivals/${slug}/waitlist`}
          className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
        >
          {t("waitlistLink")}
        </Link>
        <Link
          href={`/organiser/festivals/${slug}/holds`}
          className="inline-flex min-h-11 items-center rounded-lg border border-brand-600 px-3 py-2 text-brand-700"
        >
          {t("holdsLink")}
        </Link>
        <Link
          href={`/organiser/festivals/${slug}/edit`}
          className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 py-2 text-stone-700"
        >
          {t("editLink")}
        </Link>
      </div>
    </>
  );
}
