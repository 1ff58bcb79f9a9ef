"use client";
import { useLocale, useTranslations } from "next-intl";
import { FESTIVAL_KINDS } from "../../editor-values";
import { type FestivalForm, FestivalText } from "./festival-text";
import { describedBy, FieldShell, inputClass } from "./fields";
import { FormSection } from "./form-section";
import type { EditorFestival, PlaceOption } from "./types";

/** The festival's address, kind, names, texts, venue and place on the map. */
export function FestivalBasics({ form, places }: { form: FestivalForm; places: PlaceOption[] }) {
  const t = useTranslations("festivalEditor");
  const locale = useLocale();
  const { state, errors, set } = form;
  return (
    <FormSection id="festival-basics" title={t("sections.basics")}>
      <div className="grid gap-4 sm:grid-cols-2">
        <FestivalText form={form} name="slug" label={t("slug")} hint={t("slugHint")} />
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
        <FestivalText form={form} name="nameZh" label={t("nameZh")} />
        <FestivalText form={form} name="nameEn" label={t("nameEn")} />
        <FestivalText form={form} name="summaryZh" label={t("summaryZh")} multiline />
        <FestivalText form={form} name="summaryEn" label={t("summaryEn")} multiline />
        <FestivalText form={form} name="descriptionZh" label={t("descriptionZh")} multiline />
        <FestivalText form={form} name="descriptionEn" label={t("descriptionEn")} multiline />
        <FestivalText form={form} name="venueZh" label={t("venueZh")} />
        <FestivalText form={form} name="venueEn" label={t("venueEn")} />
        <FieldShell id="festival-placeId" label={t("place")} error={errors.placeId}>
          <select
            {...describedBy("festival-placeId", errors.placeId)}
            className={inputClass}
            value={state.placeId}
            onChange={(e) => set("placeId", e.target.value)}
          >
            <option value="">{t("noPlace")}</option>
            {places.map((p) => (
              <option key={p.id} value={p.id}>
                {locale === "en" ? `${p.nameEn} · ${p.nameZh}` : `${p.nameZh} · ${p.nameEn}`}
              </option>
            ))}
          </select>
        </FieldShell>
      </div>
      <p className="text-stone-500 text-xs">{t("enHint")}</p>
    </FormSection>
  );
}

/** When the festival runs, when tickets sell, the cancellation cut-off and the order limit. */
export function FestivalDates({ form }: { form: FestivalForm }) {
  const t = useTranslations("festivalEditor");
  return (
    <FormSection id="festival-dates" title={t("sections.dates")}>
      <div className="grid grid-cols-2 gap-4">
        <FestivalText form={form} name="startsOn" label={t("startsOn")} type="date" />
        <FestivalText form={form} name="endsOn" label={t("endsOn")} type="date" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FestivalText form={form} name="salesStartAt" label={t("salesStartAt")} type="datetime-local" />
        <FestivalText form={form} name="salesEndAt" label={t("salesEndAt")} type="datetime-local" />
      </div>
      <div className="grid grid-cols-2 gap-4">
        <FestivalText form={form} name="cancellationCutoffHours" label={t("cutoff")} numeric />
        <FestivalText form={form} name="maxTicketsPerOrder" label={t("maxTicketsPerOrder")} numeric />
      </div>
      <p className="text-stone-500 text-xs">{t("timeZoneHint")}</p>
    </FormSection>
  );
}
