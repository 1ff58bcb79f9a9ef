"use client";
import { useTranslations } from "next-intl";
import { CATEGORY_SLUGS } from "../../categories";
import { CoverUpload } from "./cover-upload";
import { inputClass, RouteTextField } from "./route-fields";
import type { EditorState } from "./types";

export type SetField = <K extends keyof EditorState>(key: K, value: EditorState[K]) => void;

/** The fields typed as free text (not the category or difficulty, picked from a list). */
type TextKey = {
  [K in keyof EditorState]-?: string extends EditorState[K] ? K : never;
}[keyof EditorState];

/** The route's identity and texts: slug, category, difficulty, titles, summaries, descriptions, the way there, cover. */
export function RouteBasics({
  state,
  errors,
  set,
}: {
  state: EditorState;
  errors: Record<string, string>;
  set: SetField;
}) {
  const t = useTranslations("adminRoutes");
  const tc = useTranslations("routes");
  const text = (key: TextKey, label: string, multiline = false) => (
    <RouteTextField
      name={key}
      label={label}
      value={String(state[key] ?? "")}
      error={errors[key]}
      multiline={multiline}
      onChange={(value) => set(key, value)}
    />
  );
  return (
    <section className="grid gap-4 sm:grid-cols-2">
      {text("slug", t("slug"))}
      <div className="grid grid-cols-2 gap-2">
        <label className="font-medium text-sm">
          {t("category")}
          <select
            className={inputClass}
            value={state.category}
            onChange={(e) => set("category", e.target.value as EditorState["category"])}
          >
            {CATEGORY_SLUGS.map((c) => (
              <option key={c} value={c}>
                {tc(`categories.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="font-medium text-sm">
          {tc("difficultyLabel")}
          <select
            className={inputClass}
            value={state.difficulty}
            onChange={(e) => set("difficulty", e.target.value as EditorState["difficulty"])}
          >
            {(["easy", "moderate", "hard"] as const).map((d) => (
              <option key={d} value={d}>
                {tc(`difficulty.${d}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {text("titleZh", t("titleZh"))}
      {text("titleEn", t("titleEn"))}
      {text("summaryZh", t("summaryZh"), true)}
      {text("summaryEn", t("summaryEn"), true)}
      {text("descriptionZh", t("descriptionZh"), true)}
      {text("descriptionEn", t("descriptionEn"), true)}
      {text("gettingThereZh", t("gettingThereZh"), true)}
      {text("gettingThereEn", t("gettingThereEn"), true)}
      <CoverUpload
        value={state.coverImageUrl}
        onChange={(url) => set("coverImageUrl", url)}
        error={errors.coverImageUrl}
      />
    </section>
  );
}
