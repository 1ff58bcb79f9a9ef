"use client";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { saveFestivalAction } from "../../actions";
import { FestivalBasics, FestivalDates } from "./festival-sections";
import { FestivalStatusBar } from "./festival-status-bar";
import type { FestivalForm } from "./festival-text";
import { useFocusFirstError, useWarnBeforeLeaving } from "./form-effects";
import { FormSection } from "./form-section";
import { SessionsEditor } from "./sessions-editor";
import { TicketTypesEditor } from "./ticket-types-editor";
import { type EditorFestival, type PlaceOption, toPayload } from "./types";

type Saved = Awaited<ReturnType<typeof saveFestivalAction>>;

/** The organiser's festival editor: texts, dates, sales window, ticket types and sessions, saved together. */
export function FestivalEditor(props: { initial: EditorFestival; places: PlaceOption[] }) {
  const t = useTranslations("festivalEditor");
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

  useFocusFirstError(result);
  useWarnBeforeLeaving(dirty);

  const set: FestivalForm["set"] = (key, value) => setState((s) => ({ ...s, [key]: value }));
  const form: FestivalForm = { state, errors, set };

  return (
    <div className="space-y-4">
      {state.id ? (
        <FestivalStatusBar
          id={state.id}
          status={state.status}
          slug={state.slug}
          dirty={dirty}
          onPublished={(published) => {
            set("status", published ? "PUBLISHED" : "DRAFT");
            router.refresh();
          }}
        />
      ) : null}

      <form id="festival-editor" action={formAction} className="space-y-6" noValidate>
        <input type="hidden" name="payload" value={payload} />
        <FestivalBasics form={form} places={props.places} />
        <FestivalDates form={form} />

        <FormSection id="festival-ticket-types" title={t("sections.ticketTypes")}>
          <TicketTypesEditor
            ticketTypes={state.ticketTypes}
            errors={errors}
            onChange={(ticketTypes) => set("ticketTypes", ticketTypes)}
          />
        </FormSection>

        <FormSection id="festival-sessions" title={t("sections.sessions")}>
          <SessionsEditor
            sessions={state.sessions}
            festivalDates={{ from: state.startsOn, to: state.endsOn }}
            errors={errors}
            onChange={(sessions) => set("sessions", sessions)}
          />
        </FormSection>

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
