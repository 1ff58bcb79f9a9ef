"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { TileConfig } from "@/lib/map-tiles";
import { insideRegion, type Region } from "@/lib/region";

const PlacePickerMap = dynamic(() => import("../place-picker-map").then((m) => m.PlacePickerMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" />,
});

type Point = { lat: number; lng: number };

/** The workshop's point, picked on the map (inside the region only), and how precise it is. */
export function WorkshopPlace({
  tiles,
  region,
  point,
  onPoint,
  error,
  markerLabel,
  precision,
}: {
  tiles: TileConfig;
  region: Region;
  point: Point | null;
  onPoint: (point: Point) => void;
  error?: string;
  markerLabel: string;
  /** The precision the select starts with. */
  precision: string;
}) {
  const t = useTranslations("adminWorkshops");
  const [refused, setRefused] = useState(0);
  const [mapMessage, setMapMessage] = useState<string | null>(null);

  function pick(lat: number, lng: number) {
    if (!insideRegion(region, lat, lng)) {
      setMapMessage(t("errors.outsideRegion"));
      setRefused((n) => n + 1);
      return;
    }
    setMapMessage(null);
    onPoint({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) });
  }

  return (
    <fieldset className="space-y-2">
      <legend className="font-medium text-sm">{t("place")}</legend>
      <p className="text-stone-500 text-xs">{t("placeHint")}</p>
      <div className="h-80" data-testid="workshop-map">
        <PlacePickerMap
          tiles={tiles}
          region={region}
          point={point}
          onPick={pick}
          label={t("map")}
          markerLabel={markerLabel}
          resetKey={refused}
        />
      </div>
      <p className="text-sm" data-testid="workshop-point">
        {point ? t("at", { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) }) : t("noPlace")}
      </p>
      {mapMessage || error ? (
        <p role="alert" className="text-berry-600 text-sm">
          {mapMessage ?? error}
        </p>
      ) : null}
      <label className="block text-sm">
        {t("precision")}
        <select
          name="precision"
          defaultValue={precision}
          className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
        >
          <option value="SURVEYED">{t("precisions.SURVEYED")}</option>
          <option value="APPROXIMATE">{t("precisions.APPROXIMATE")}</option>
        </select>
      </label>
    </fieldset>
  );
}
