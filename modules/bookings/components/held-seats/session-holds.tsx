import { getFormatter, getTranslations } from "next-intl/server";
import { sessionTime } from "@/lib/session-time";
import type { SessionHolds as Session } from "../../held-seats";
import type { HoldGroupView } from "../../hold-groups";
import { HoldGroupsTable } from "./hold-groups-table";

const COUNTED = ["capacity", "sold", "held", "remaining"] as const;

/** One session: seats sold and held unpaid, and its unpaid holds by client address. */
export async function SessionHolds({ session }: { session: Session }) {
  const t = await getTranslations("bookings.holds");
  const format = await getFormatter();
  const title = sessionTime(format, session);
  const time = (d: Date) =>
    format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const groups: HoldGroupView[] = session.groups.map((g) => ({
    ...g,
    firstHeldAt: time(g.firstHeldAt),
    lastHeldAt: time(g.lastHeldAt),
  }));
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm" data-holds-session={session.id} aria-label={title}>
      <h2 className="font-semibold text-lg">{title}</h2>
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {COUNTED.map((key) => (
          <div key={key} className="rounded-lg bg-stone-50 p-2" data-stat={key}>
            <dt className="text-sm text-stone-500">{t(`stats.${key}`)}</dt>
            <dd className="font-semibold text-xl">{session[key]}</dd>
          </div>
        ))}
      </dl>
      {groups.length === 0 ? (
        <p className="text-sm text-stone-500">{t("none")}</p>
      ) : (
        <>
          {session.groupCount > groups.length ? (
            <p className="text-sm text-stone-600">{t("shown", { shown: groups.length, total: session.groupCount })}</p>
          ) : null}
          <HoldGroupsTable sessionId={session.id} caption={t("groupsCaption", { session: title })} groups={groups} />
        </>
      )}
    </section>
  );
}
