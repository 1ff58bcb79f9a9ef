import { getFormatter, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { sessionTime } from "@/lib/session-time";
import type { SessionStats } from "../../queries";

/**
 * Seats per session, each session the link to its bookings. Its own markup rather than
 * the shared DataTable: that one adds a caption, header scopes and row alignment, and
 * shows a note instead of an empty table, which would change this page.
 */
export async function SessionsTable({ sessions, slug }: { sessions: SessionStats[]; slug: string }) {
  const t = await getTranslations("bookings");
  const format = await getFormatter();
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("sessions")}</h2>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-100">
            <tr>
              <th className="p-2">{t("session")}</th>
              <th className="p-2 text-right">{t("stats.capacity")}</th>
              <th className="p-2 text-right">{t("stats.sold")}</th>
              <th className="p-2 text-right">{t("stats.held")}</th>
              <th className="p-2 text-right">{t("stats.remaining")}</th>
              <th className="p-2 text-right">{t("stats.checkedIn")}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} className="border-stone-100 border-t" data-session-row={s.id}>
                <td className="p-2">
                  <Link
                    href={`/organiser/festivals/${slug}/bookings?session=${s.id}`}
                    className="text-brand-700 underline"
                  >
                    {sessionTime(format, s)}
                  </Link>
                </td>
                <td className="p-2 text-right">{s.capacity}</td>
                <td className="p-2 text-right" data-stat="sold">
                  {s.sold}
                </td>
                <td className="p-2 text-right" data-stat="held">
                  {s.held > 0 ? (
                    <Link
                      href={`/organiser/festivals/${slug}/holds?session=${s.id}`}
                      aria-label={t("holds.viewHeld", { count: s.held })}
                      className="inline-flex min-h-11 min-w-11 items-center justify-end text-brand-700 underline"
                    >
                      {s.held}
                    </Link>
                  ) : (
                    s.held
                  )}
                </td>
                <td className="p-2 text-right" data-stat="remaining">
                  {s.remaining}
                </td>
                <td className="p-2 text-right" data-stat="checkedIn">
                  {s.checkedIn}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
