import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized, pick } from "@/lib/localized";
import { sessionTime } from "@/lib/session-time";
import { festivalScope, findManagedFestival } from "@/modules/auth/festival-scope";
import { requirePagePermission } from "@/modules/auth/session";
import { WaitlistToggle } from "@/modules/waitlist/components/waitlist-toggle";
import { festivalWaitlist } from "@/modules/waitlist/queries";

type Session = NonNullable<Awaited<ReturnType<typeof festivalWaitlist>>>["sessions"][number];

// The organiser's waiting lists, per session: who waits in which order, offers and their
// deadlines, what was claimed, and how many seats the list resold; close or reopen each list.
export default async function FestivalWaitlistPage({
  params,
}: PageProps<"/[locale]/organiser/festivals/[slug]/waitlist">) {
  const locale = await enterLocale(params);
  const { slug } = await params;
  const user = await requirePagePermission("bookings.manage", `/organiser/festivals/${slug}/waitlist`);
  const festival = await findManagedFestival(user, slug);
  if (!festival) notFound();
  const list = await festivalWaitlist(await festivalScope(user), festival.id);
  if (!list) notFound();
  const t = await getTranslations("waitlist.organiser");
  const ts = await getTranslations("waitlist.status");
  const format = await getFormatter();
  const resold = list.sessions.reduce((sum, s) => sum + s.resold, 0);
  // Sessions with people waiting, seats resold or a closed list first; the rest (most of
  // a season's) folded away, each still with its own open/close switch.
  const busy = (s: Session) => s.entries.length > 0 || s.resold > 0 || s.closed;
  const active = list.sessions.filter(busy);
  const quiet = list.sessions.filter((s) => !busy(s));
  const section = (s: Session) => (
    <section
      key={s.id}
      className="space-y-2 rounded-xl bg-white p-4 shadow-sm"
      data-waitlist-session={s.id}
      aria-label={sessionTime(format, s)}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">{sessionTime(format, s)}</h2>
        <WaitlistToggle sessionId={s.id} closed={s.closed} />
      </div>
      <p className="text-sm text-stone-600">
        {s.closed ? t("closedNote") : t("openNote")} ·{" "}
        {t("summary", { waiting: s.waiting, resold: s.resold, free: Math.max(0, s.capacity - s.reserved) })}
      </p>
      {s.entries.length === 0 ? (
        <p className="text-stone-500 text-sm">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="bg-stone-100">
              <tr>
                <th className="p-2">{t("position")}</th>
                <th className="p-2">{t("name")}</th>
                <th className="p-2">{t("ticket")}</th>
                <th className="p-2 text-right">{t("quantity")}</th>
                <th className="p-2">{t("status")}</th>
                <th className="p-2">{t("deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {s.entries.map((e) => (
                <tr key={e.id} className="border-stone-100 border-t" data-entry={e.id}>
                  <td className="p-2">{e.position}</td>
                  <td className="p-2">
                    <span className="block">{e.customerName}</span>
                    <span className="block text-stone-500 text-xs">
                      {e.customerPhone} · {e.customerEmail}
                    </span>
                  </td>
                  <td className="p-2">{pick(e.ticketType, locale)}</td>
                  <td className="p-2 text-right">{e.quantity}</td>
                  <td className="p-2" data-testid="entry-status">
                    {e.orderId && e.status !== "WAITING" ? (
                      <Link href={`/organiser/orders/${e.orderId}`} className="text-brand-700 underline">
                        {ts(e.status.toLowerCase() as "waiting")}
                      </Link>
                    ) : (
                      ts(e.status.toLowerCase() as "waiting")
                    )}
                  </td>
                  <td className="p-2">
                    {e.status === "OFFERED" && e.offerExpiresAt
                      ? format.dateTime(e.offerExpiresAt, { dateStyle: "short", timeStyle: "short" })
                      : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
  return (
    <>
      <nav className="text-sm">
        <Link href={`/organiser/festivals/${slug}`} className="text-brand-700 underline">
          ← {localized(festival, "name", locale)}
        </Link>
      </nav>
      <PageTitle>{t("title")}</PageTitle>
      <p data-testid="waitlist-resold">{t("resoldTotal", { count: resold })}</p>
      {active.map(section)}
      {quiet.length > 0 ? (
        <details className="rounded-xl bg-white p-4 shadow-sm" data-testid="quiet-sessions">
          <summary className="min-h-11 cursor-pointer py-2 font-medium">
            {t("quietSessions", { count: quiet.length })}
          </summary>
          <div className="mt-2 space-y-3">{quiet.map(section)}</div>
        </details>
      ) : null}
    </>
  );
}
