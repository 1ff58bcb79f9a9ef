"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { pick } from "@/lib/localized";
import type { FestivalDto } from "../find-festivals";

const REFRESH_MS = 15_000;

/** Sessions by day with the seats left, fetched live (the page itself is served from cache). */
export function SessionList({ festival }: { festival: FestivalDto }) {
  const t = useTranslations("festivals");
  const locale = useLocale();
  const format = useFormatter();
  const [remaining, setRemaining] = useState<Map<string, number> | null>(null);
  // The page is cached, so "now" is the browser's, read once the seats arrive.
  const [now, setNow] = useState<Date | null>(null);

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const res = await fetch(`/api/festivals/${festival.slug}/availability`, { cache: "no-store" });
        const body = (await res.json()) as { sessions: { id: string; remaining: number }[] };
        if (!live) return;
        setRemaining(new Map(body.sessions.map((s) => [s.id, s.remaining])));
        setNow(new Date());
      } catch {
        // Keep what we showed; the next refresh tries again.
      }
    };
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [festival.slug]);

  const clock = (iso: string) => format.dateTime(new Date(iso), { hour: "2-digit", minute: "2-digit" });
  const dayKey = (iso: string) =>
    format.dateTime(new Date(iso), { year: "numeric", month: "long", day: "numeric", weekday: "short" });
  const days = new Map<string, FestivalDto["sessions"]>();
  for (const s of festival.sessions) days.set(dayKey(s.startsAt), [...(days.get(dayKey(s.startsAt)) ?? []), s]);

  function status(s: FestivalDto["sessions"][number]) {
    const left = remaining?.get(s.id);
    if (!now || left === undefined) return t("loading");
    if (new Date(s.startsAt) <= now) return t("past");
    if (new Date(festival.salesStartAt) > now)
      return t("notYetOnSale", { date: format.dateTime(new Date(festival.salesStartAt), { dateStyle: "medium" }) });
    return left === 0 ? t("soldOut") : t("remaining", { count: left });
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-stone-500">{t("liveNote")}</p>
      {[...days].map(([day, sessions]) => (
        <section key={day}>
          <h3 className="mb-2 font-medium">{day}</h3>
          <ul className="grid gap-2 sm:grid-cols-3">
            {sessions.map((s) => (
              <li key={s.id} className="rounded-lg border border-stone-200 bg-white p-3" data-session={s.id}>
                <span className="block font-medium">
                  {clock(s.startsAt)}–{clock(s.endsAt)} {s.label ? pick(s.label, locale) : ""}
                </span>
                <span className="block text-sm text-brand-700" data-testid="session-status">
                  {status(s)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
