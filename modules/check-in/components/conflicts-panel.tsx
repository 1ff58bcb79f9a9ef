import "server-only";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { pick } from "@/lib/localized";
import { formatTicketCode } from "@/lib/ticket-code";
import { listConflicts } from "../gate-sync";

/** The organiser's recorded gate conflicts: a ticket admitted on two devices offline, both scans with device and time. */
export async function ConflictsPanel({ userId }: { userId: string }) {
  const t = await getTranslations("checkIn.conflicts");
  const format = await getFormatter();
  const locale = await getLocale();
  const conflicts = await listConflicts(userId);
  const when = (at: Date) =>
    format.dateTime(at, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
  const entry = (e: { at: Date; deviceId: string | null; by: string }) =>
    t("entry", { time: when(e.at), device: e.deviceId ?? t("online"), by: e.by });
  return (
    <section className="space-y-2" data-testid="check-in-conflicts" aria-labelledby="check-in-conflicts-title">
      <h2 id="check-in-conflicts-title" className="font-semibold text-lg">
        {t("title")}
      </h2>
      {conflicts.length === 0 ? (
        <p className="text-sm text-stone-600">{t("none")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-600">{t("intro")}</p>
          <ul className="space-y-2">
            {conflicts.map((c) => (
              <li key={c.id} className="rounded-xl bg-amber-50 p-3 text-sm" data-conflict={c.code}>
                <p className="font-mono font-semibold">
                  {t("ticket")} {formatTicketCode(c.code)} · {pick(c.festival, locale)}
                </p>
                {c.won ? (
                  <p>
                    {t("won")}：{entry(c.won)}
                  </p>
                ) : null}
                <p>
                  {t("lost")}：{entry(c.lost)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
