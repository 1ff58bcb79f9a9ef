import { getFormatter, getTranslations } from "next-intl/server";
import { shanghaiDay } from "@/lib/dates";
import { Link } from "@/lib/i18n/navigation";
import { listTrips } from "../queries";
import { MoveGuestPlan } from "./move-guest-plan";

/** The account's trip plans, each opening in the planner. */
export async function AccountTrips({ userId }: { userId: string }) {
  const t = await getTranslations("trips.account");
  const format = await getFormatter();
  const trips = await listTrips(userId);
  const day = (d: string) => format.dateTime(shanghaiDay(d).start, { month: "long", day: "numeric", weekday: "short" });
  return (
    <section aria-labelledby="trips-heading" className="space-y-2">
      <MoveGuestPlan />
      <h2 id="trips-heading" className="font-semibold text-lg">
        {t("title")}
      </h2>
      {trips.length === 0 ? (
        <p className="text-stone-600">
          {t("none")}{" "}
          <Link href="/trips" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("start")}
          </Link>
        </p>
      ) : (
        <ul className="divide-y divide-stone-100 rounded-xl bg-white shadow-sm" data-testid="account-trips">
          {trips.map((trip) => (
            <li key={trip.id} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
              <Link href={`/trips?plan=${trip.id}`} className="font-medium text-brand-800 underline">
                {trip.title}
              </Link>
              <span className="text-sm text-stone-600">
                {trip.days.map(day).join(" – ")} · {t("items", { count: trip.items.length })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
