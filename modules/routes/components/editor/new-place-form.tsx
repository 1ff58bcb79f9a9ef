"use client";
import { useTranslations } from "next-intl";
import { inputClass } from "./route-fields";

/** A place clicked on the map, being named before it becomes a stop. */
export type NewPlaceDraft = { lat: number; lng: number; nameZh: string; nameEn: string };

export function NewPlaceForm({
  draft,
  onChange,
  onAdd,
}: {
  draft: NewPlaceDraft;
  onChange: (draft: NewPlaceDraft) => void;
  onAdd: () => void;
}) {
  const t = useTranslations("adminRoutes");
  return (
    <div className="space-y-2 rounded-lg border border-brand-600 bg-white p-3" data-testid="new-place">
      <p className="text-sm">{t("newPlaceAt", { lat: draft.lat.toFixed(5), lng: draft.lng.toFixed(5) })}</p>
      <input
        aria-label={t("newPlaceZh")}
        placeholder={t("newPlaceZh")}
        className={inputClass}
        value={draft.nameZh}
        onChange={(e) => onChange({ ...draft, nameZh: e.target.value })}
      />
      <input
        aria-label={t("newPlaceEn")}
        placeholder={t("newPlaceEn")}
        className={inputClass}
        value={draft.nameEn}
        onChange={(e) => onChange({ ...draft, nameEn: e.target.value })}
      />
      <button type="button" className="rounded-lg bg-brand-600 px-3 py-1.5 text-white" onClick={onAdd}>
        {t("addNewPlace")}
      </button>
    </div>
  );
}
