import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { Gate } from "@/modules/check-in/components/gate";
import { GatePicker, type SessionGroup } from "@/modules/check-in/components/gate-picker";
import { gateCounts } from "@/modules/check-in/gate-counts";
import { chooseGate } from "@/modules/check-in/gate-day";
import { gateDate } from "@/modules/check-in/offline/decide";
import { listGateFestivals } from "@/modules/check-in/queries";

export const metadata: Metadata = { robots: { index: false } };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

// The gate on an organiser's phone: festival and session live in the URL, so a reload keeps them.
export default async function CheckInPage({ params, searchParams }: PageProps<"/[locale]/organiser/check-in">) {
  const locale = await enterLocale(params);
  const user = await requirePagePermission("checkIn.perform", "/organiser/check-in");
  const t = await getTranslations("checkIn");
  const format = await getFormatter();
  const query = await searchParams;
  const now = new Date();
  const festivals = await listGateFestivals(user.id, now);
  const gate = chooseGate(festivals, { festival: one(query.festival), session: one(query.session) }, now);
  if (!gate) {
    return (
      <>
        <PageTitle>{t("title")}</PageTitle>
        <p>{t("noFestivals")}</p>
      </>
    );
  }
  const { festival, sessionId } = gate;
  if (!festival) {
    // Several festivals could be meant (or none is under way): ask which gate this phone is.
    return (
      <div className="mx-auto max-w-md space-y-4">
        <PageTitle>{t("title")}</PageTitle>
        <p role="status" className="rounded-xl bg-amber-50 p-3 text-amber-900">
          {t("chooseFestival")}
        </p>
        <GatePicker
          festivals={festivals.map((f) => ({ slug: f.slug, name: localized(f, "name", locale) }))}
          festival=""
          groups={[]}
          session="today"
        />
      </div>
    );
  }
  const counts = await gateCounts({ festivalId: festival.id, sessionId, userId: user.id }, now);
  const groups: SessionGroup[] = [];
  for (const s of festival.sessions) {
    const day = format.dateTime(s.startsAt, { month: "long", day: "numeric", weekday: "short" });
    const time = `${format.dateTime(s.startsAt, { hour: "2-digit", minute: "2-digit" })}–${format.dateTime(s.endsAt, { hour: "2-digit", minute: "2-digit" })}`;
    const label = [time, localized(s, "label", locale)].filter(Boolean).join(" ");
    const last = groups.at(-1);
    if (last?.day === day) last.sessions.push({ id: s.id, label });
    else groups.push({ day, sessions: [{ id: s.id, label }] });
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageTitle>{t("title")}</PageTitle>
      <GatePicker
        festivals={festivals.map((f) => ({ slug: f.slug, name: localized(f, "name", locale) }))}
        festival={festival.slug}
        groups={groups}
        session={sessionId ?? "today"}
      />
      {festival.sessions.length === 0 ? <p className="text-sm text-stone-600">{t("noSessions")}</p> : null}
      <Gate
        key={`${festival.id}:${sessionId}`}
        festivalId={festival.id}
        festivalSlug={festival.slug}
        date={gateDate(festival.sessions.find((s) => s.id === sessionId)?.startsAt ?? now)}
        sessionId={sessionId}
        initialCounts={counts}
      />
    </div>
  );
}
