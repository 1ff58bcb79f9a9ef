"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { FieldAlert, inputClass } from "./route-fields";
import { StopsEditor } from "./stops-editor";
import { type EditorStop, newKey, type PlaceOption } from "./types";

/** The route's stops in order, and a known place to add as the next one. */
export function RouteStops({
  stops,
  places,
  options,
  errors,
  onChange,
}: {
  stops: EditorStop[];
  places: Map<string, PlaceOption>;
  /** Every known place, in the order the picker lists them. */
  options: PlaceOption[];
  errors: Record<string, string>;
  onChange: (stops: EditorStop[]) => void;
}) {
  const t = useTranslations("adminRoutes");
  const tc = useTranslations("routes");
  const [addPlaceId, setAddPlaceId] = useState("");
  return (
    <div className="space-y-3">
      <h2 className="font-semibold">{tc("stops")}</h2>
      <FieldAlert message={errors.stops} />
      <StopsEditor stops={stops} places={places} errors={errors} onChange={onChange} />
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="add-place">
          {t("pickPlace")}
        </label>
        <select
          id="add-place"
          className={inputClass}
          value={addPlaceId}
          onChange={(e) => setAddPlaceId(e.target.value)}
        >
          <option value="">{t("pickPlace")}</option>
          {options.map((p) => (
            <option key={p.id} value={p.id}>
              {p.nameZh} · {p.nameEn}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="shrink-0 rounded-lg border border-stone-300 bg-white px-3"
          disabled={!addPlaceId}
          onClick={() => {
            onChange([...stops, { key: newKey(), placeId: addPlaceId, suggestedMinutes: 30, noteZh: "", noteEn: "" }]);
            setAddPlaceId("");
          }}
        >
          {t("addStop")}
        </button>
      </div>
    </div>
  );
}
