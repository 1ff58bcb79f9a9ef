"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { LngLat } from "@/lib/geo";
import type { TileConfig } from "@/lib/map-tiles";
import { insideRegion, type Region } from "@/lib/region";
import { type NewPlaceDraft, NewPlaceForm } from "./new-place-form";
import { FieldAlert } from "./route-fields";
import type { EditorStop } from "./types";

const EditorMap = dynamic(() => import("./editor-map").then((m) => m.EditorMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" />,
});

type Mode = "view" | "addPlace" | "drawPath";

/** The map: add a new place where it is clicked, or draw the path point by point (or let it follow the stops). */
export function RouteMapPanel({
  tiles,
  region,
  stops,
  path,
  drawn,
  error,
  onPathChange,
  onAddPlace,
}: {
  tiles: TileConfig;
  region: Region;
  stops: { label: string; lat: number; lng: number }[];
  /** The path shown: the one drawn, or the stops in order. */
  path: LngLat[];
  /** The path drawn by hand; null while it follows the stops. */
  drawn: LngLat[] | null;
  error?: string;
  onPathChange: (path: LngLat[] | null) => void;
  onAddPlace: (place: NonNullable<EditorStop["newPlace"]>) => void;
}) {
  const t = useTranslations("adminRoutes");
  const tc = useTranslations("routes");
  const [mode, setMode] = useState<Mode>("view");
  const [pending, setPending] = useState<NewPlaceDraft | null>(null);
  const [mapMessage, setMapMessage] = useState<string | null>(null);

  function onMapClick(lat: number, lng: number) {
    if (mode === "view") return;
    if (!insideRegion(region, lat, lng)) {
      setMapMessage(t("outsideRegion"));
      return;
    }
    setMapMessage(null);
    if (mode === "addPlace") setPending({ lat, lng, nameZh: "", nameEn: "" });
    else onPathChange([...path, [lng, lat]]);
  }

  function addNewPlace() {
    if (!pending?.nameZh.trim() || !pending.nameEn.trim()) return;
    onAddPlace({ nameZh: pending.nameZh.trim(), nameEn: pending.nameEn.trim(), lat: pending.lat, lng: pending.lng });
    setPending(null);
    setMode("view");
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2 text-sm">
        {(["addPlace", "drawPath"] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            className={`rounded-lg border px-3 py-1 ${mode === m ? "border-brand-700 bg-brand-700 text-white" : "border-stone-300 bg-white"}`}
            onClick={() => {
              setMode(mode === m ? "view" : m);
              if (m === "drawPath" && drawn === null) onPathChange(path);
            }}
          >
            {t(m)}
          </button>
        ))}
        <button
          type="button"
          className="rounded-lg border border-stone-300 bg-white px-3 py-1"
          onClick={() => onPathChange(null)}
        >
          {t("pathFollowsStops")}
        </button>
        <button
          type="button"
          className="rounded-lg border border-stone-300 bg-white px-3 py-1"
          disabled={!drawn?.length}
          onClick={() => onPathChange(drawn?.slice(0, -1) ?? null)}
        >
          {t("undoPoint")}
        </button>
      </div>
      <p className="text-stone-500 text-xs">{t(`hint.${mode}`)}</p>
      <div className="h-96" data-testid="editor-map">
        <EditorMap
          tiles={tiles}
          region={region}
          stops={stops}
          path={path}
          mode={mode}
          onMapClick={onMapClick}
          onMoveVertex={(i, lat, lng) => onPathChange(path.map((p, j) => (j === i ? [lng, lat] : p)))}
          label={tc("map")}
        />
      </div>
      <FieldAlert message={mapMessage} />
      <FieldAlert message={error} />
      {pending ? <NewPlaceForm draft={pending} onChange={setPending} onAdd={addNewPlace} /> : null}
    </div>
  );
}
