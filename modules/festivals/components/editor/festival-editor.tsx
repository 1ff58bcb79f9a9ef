"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useMemo, useState } from "react";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { saveFestivalAction } from "../../actions";
import { FESTIVAL_KINDS } from "../../editor-values";
import { describedBy, FieldShell, inputClass, TextField } from "./fields";
import { PublishToggle } from "./publish-toggle";
import { SessionsEditor } from "./sessions-editor";
import { TicketTypesEditor } from "./ticket-types-editor";
import { type EditorFestival, type PlaceOption, toPayload } from "./types";

type Saved = Awaited<ReturnType<typeof saveFestivalAction>>;
type TextKey = {
  [K in keyof EditorFestival]-?: EditorFestival[K] extends string ? K : never;
}[keyof EditorFestival];

const section = "space-y-4 rounded-xl bg-stone-50 p-3 sm:p-4";

/** The organiser's festival editor: texts, dates, sales window, ticket types and sessions, saved together. */
export function FestivalEditor(props: { initial: EditorFestival; places: PlaceOption[] }) {
  const t = useTranslations("festivalEditor");
  const locale = useLocale();
  const router = useRouter();
  const [state, setState] = useState<EditorFestival>(props.initial);
  const [savedPayload, setSavedPayload] = useState(() => JSON.stringify(toPayload(props.initial)));
  const payload = useMemo(() => JSON.stringify(toPayload(state)), [state]);
  const dirty = payload !== savedPayload;

  const [result, formAction, saving] = useActionState(
    async (previous: Saved, formData: FormData) => {
      const saved = await saveFestivalAction(previous, formData);
      if (saved.status === "success" && saved.data.festival) {
        const fresh = saved.data.festival;
        setState(fresh);
        setSavedPayload(JSON.stringify(toPayload(fresh)));
        if (fresh.slug !== state.slug || !state.id) router.replace(`/organiser/festivals/${fresh.slug}/edit`);
      }
      return saved;
    },
    { status: "idle" } as Saved,
  );
  const errors = result.status === "error" ? result.fields : {};

  // On a long form the first marked field may be far away: take the user there.
  useEffect(() => {
    if (result.status !== "error") return;
    const first = document.querySelector<HTMLElement>(
      "#festival-editor [aria-invalid=true], #festival-editor [role=alert]",
    );
    first?.scrollIntoView({ block: "center", behavior: "smooth" });
    if (
      first instanceof HTMLInputElement ||
      first instanceof HTMLSelectElement ||
      first instanceof HTMLTextAreaElement
    ) {
      first.focus({ preventScroll: true });
    }
  }, [result]);

  // A long form: ask before leaving with unsaved changes.
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const set = <K extends keyof EditorFestival>(key: K, value: EditorFestival[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const text = (
    key: TextKey,
    label: string,
    opts: { multiline?: boolean; type?: string; hint?: string; numeric?: boolean } = {},
  ) => (
    <TextField
      id={`festival-${key}`}
      label={label}
      value={state[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      hint={opts.hint}
      multiline={opts.multiline}
      type={opts.type}
      inputMode={opts.numeric ? "numeric" : undefined}
    />
  );

  return (
    <div className="space-y-4">
      {state.id ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span className="rounded-full bg-stone-200 px-2 py-0.5" data-testid="festival-status">
            {t(`status.${state.status}`)}
          </span>
          <PublishToggle
            id={state.id}
            published={state.status === "PUBLISHED"}
            onChange={(published) => {
              set("status", published ? "PUBLISHED" : "DRAFT");
              router.refresh();
            }}
          />
          {dirty ? <span className="text-amber-800">{t("publishHint")}</span> : null}
          {state.status === "PUBLISHED" ? (
            <Link href={`/festivals/${state.slug}`} className="text-brand-700 underline">
              {t("viewPublic")}
            </Link>
          ) : null}
        </div>
      ) : null}

      <form id="festival-editor" action={formAction} className="space-y-6" noValidate>
        <input type="hidden" name="payload" value={payload} />

        <section className={section} aria-labelledby="festival-basics">
          <h2 id="festival-basics" className="font-semibold text-lg">
            {t("sections.basics")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2">
            {text("slug", t("slug"), { hint: t("slugHint") })}
            <FieldShell id="festival-kind" label={t("kind")} error={errors.kind}>
              <select
                {...describedBy("festival-kind", errors.kind)}
                className={inputClass}
                value={state.kind}
                onChange={(e) => set("kind", e.target.value as EditorFestival["kind"])}
              >
                {FESTIVAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kinds.${k}`)}
                  </option>
                ))}
              </select>
            </FieldShell>
            {text("nameZh", t("nameZh"))}
            {text("nameEn", t("nameEn"))}
            {text("summaryZh", t("summaryZh"), { multiline: true })}
            {text("summaryEn", t("summaryEn"), { multiline: true })}
            {text("descriptionZh", t("descriptionZh"), { multiline: true })}
            {text("descriptionEn", t("descriptionEn"), { multiline: true })}
            {text("venueZh", t("venueZh"))}
            {text("venueEn", t("venueEn"))}
            <FieldShell id="festival-placeId" label={t("place")} error={errors.placeId}>
              <select
                {...describedBy("festival-placeId", errors.placeId)}
                className={inputClass}
                value={state.placeId}
                onChange={(e) => set("placeId", e.target.value)}
              >
                <option value="">{t("noPlace")}</option>
                {props.places.map((p) => (
                  <option key={p.id} value={p.id}>
                    {locale === "en" ? `${p.nameEn} · ${p.nameZh}` : `${p.nameZh} · ${p.nameEn}`}
                  </option>
                ))}
              </select>
            </FieldShell>
          </div>
          <p className="text-stone-500 text-xs">{t("enHint")}</p>
        </section>

        <section className={section} aria-labelledby="festival-dates">
          <h2 id="festival-dates" className="font-semibold text-lg">
            {t("sections.dates")}
          </h2>
          <div className="grid grid-cols-2 gap-4">
            {text("startsOn", t("startsOn"), { type: "date" })}
            {text("endsOn", t("endsOn"), { type: "date" })}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {text("salesStartAt", t("salesStartAt"), { type: "datetime-local" })}
            {text("salesEndAt", t("salesEndAt"), { type: "datetime-local" })}
          </div>
          <div className="grid grid-cols-2 gap-4">
            {text("cancellationCutoffHours", t("cutoff"), { numeric: true })}
            {text("maxTicketsPerOrder", t("maxTicketsPerOrder"), { numeric: true })}
          </div>
          <p className="text-stone-500 text-xs">{t("timeZoneHint")}</p>
        </section>

        <section className={section} aria-labelledby="festival-ticket-types">
          <h2 id="festival-ticket-types" className="font-semibold text-lg">
            {t("sections.ticketTypes")}
          </h2>
          <TicketTypesEditor
            ticketTypes={state.ticketTypes}
            errors={errors}
            onChange={(ticketTypes) => set("ticketTypes", ticketTypes)}
          />
        </section>

        <section className={section} aria-labelledby="festival-sessions">
          <h2 id="festival-sessions" className="font-semibold text-lg">
            {t("sections.sessions")}
          </h2>
          <SessionsEditor
            sessions={state.sessions}
            festivalDates={{ from: state.startsOn, to: state.endsOn }}
            errors={errors}
            onChange={(sessions) => set("sessions", sessions)}
          />
        </section>

        <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white/95 p-3 shadow-sm backdrop-blur">
          <button
            type="submit"
            disabled={saving}
            className="rounded-lg bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700 disabled:opacity-60"
          >
            {saving ? t("saving") : t("save")}
          </button>
          {result.status === "error" ? (
            <span role="alert" className="text-berry-600 text-sm">
              {result.message}
              {errors._form ? ` ${errors._form}` : ""}
            </span>
          ) : null}
          {result.status === "success" && !dirty ? (
            <span role="status" className="text-brand-700 text-sm">
              {t("saved")}
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}
