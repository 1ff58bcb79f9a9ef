"use client";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { usePathname, useRouter } from "@/lib/i18n/navigation";

export type SessionGroup = { day: string; sessions: { id: string; label: string }[] };

type Props = {
  festivals: { slug: string; name: string }[];
  festival: string;
  groups: SessionGroup[];
  /** A session id, or "today" for all of today's sessions. */
  session: string;
};

/** Which gate this phone is: festival and session, kept in the URL. */
export function GatePicker({ festivals, festival, groups, session }: Props) {
  const t = useTranslations("checkIn");
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (query: Record<string, string>) => startTransition(() => router.replace({ pathname, query }));
  const select = "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base disabled:opacity-60";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <label className="space-y-1">
        <span className="block font-medium text-sm text-stone-800">{t("festival")}</span>
        <select
          name="festival"
          className={select}
          value={festival}
          disabled={pending}
          onChange={(e) => go({ festival: e.target.value })}
        >
          {festival === "" ? (
            <option value="" disabled>
              {t("pickFestival")}
            </option>
          ) : null}
          {festivals.map((f) => (
            <option key={f.slug} value={f.slug}>
              {f.name}
            </option>
          ))}
        </select>
      </label>
      <label className={`space-y-1 ${festival === "" ? "hidden" : ""}`}>
        <span className="block font-medium text-sm text-stone-800">{t("session")}</span>
        <select
          name="session"
          className={select}
          value={session}
          disabled={pending}
          onChange={(e) => go({ festival, session: e.target.value })}
        >
          <option value="today">{t("allToday")}</option>
          {groups.map((g) => (
            <optgroup key={g.day} label={g.day}>
              {g.sessions.map((s) => (
                <option key={s.id} value={s.id}>
                  {g.day} {s.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
    </div>
  );
}
