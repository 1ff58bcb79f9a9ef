"use client";
import { useTranslations } from "next-intl";
import { mergeSessions, type SessionDraft } from "../../editor-values";
import { ErrorText } from "./fields";
import { SessionGenerator } from "./session-generator";
import { ROW, SessionRow } from "./session-row";
import { type EditorSession, newKey } from "./types";

type Props = {
  sessions: EditorSession[];
  festivalDates: { from: string; to: string };
  errors: Record<string, string>;
  onChange: (sessions: EditorSession[]) => void;
};

const fromDraft = (d: SessionDraft): EditorSession => ({
  ...d,
  key: newKey(),
  capacity: String(d.capacity),
  reserved: 0,
  hasOrders: false,
});

/** Sessions listed by day; each row edits one, a day heading starts each new date. */
export function SessionsEditor({ sessions, festivalDates, errors, onChange }: Props) {
  const t = useTranslations("festivalEditor");
  const update = (i: number, patch: Partial<EditorSession>) =>
    onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const days = new Set(sessions.map((s) => s.date)).size;
  const withProblems = new Set(
    Object.keys(errors).flatMap((k) => (/^sessions\.\d+\./.test(k) ? [k.split(".")[1]] : [])),
  ).size;

  function addOne() {
    const last = sessions.at(-1);
    onChange([
      ...sessions,
      {
        key: newKey(),
        date: last?.date ?? festivalDates.from,
        start: last?.end ?? "08:00",
        end: "",
        capacity: last?.capacity ?? "100",
        labelZh: "",
        labelEn: "",
        reserved: 0,
        hasOrders: false,
      },
    ]);
  }

  return (
    <div className="space-y-3">
      <SessionGenerator
        from={festivalDates.from}
        to={festivalDates.to}
        onGenerate={(drafts) => {
          const merged = mergeSessions(sessions, drafts.map(fromDraft));
          onChange(merged.sessions);
          return merged.added;
        }}
      />
      <p className="text-sm text-stone-600" data-testid="sessions-count">
        {t("sessionsCount", { count: sessions.length, days })}
      </p>
      <ErrorText error={errors.sessions} />
      {withProblems > 0 ? <ErrorText error={t("sessionProblems", { count: withProblems })} /> : null}
      {sessions.length === 0 ? <p className="text-stone-500 text-sm">{t("noSessions")}</p> : null}
      {sessions.length > 0 ? (
        <div aria-hidden className={`hidden gap-2 px-2 text-stone-500 text-xs sm:grid ${ROW}`}>
          {(["date", "start", "end", "capacity", "labelZh", "labelEn"] as const).map((f) => (
            <span key={f}>{t(`session.${f}`)}</span>
          ))}
        </div>
      ) : null}
      <ol className="space-y-1.5">
        {sessions.map((s, i) => (
          <SessionRow
            key={s.key}
            session={s}
            index={i}
            previousDate={sessions[i - 1]?.date}
            errors={errors}
            update={update}
            remove={() => onChange(sessions.filter((_, j) => j !== i))}
          />
        ))}
      </ol>
      <button
        type="button"
        className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
        onClick={addOne}
      >
        + {t("addSession")}
      </button>
    </div>
  );
}
