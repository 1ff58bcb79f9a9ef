"use client";
import dynamic from "next/dynamic";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { useRouter } from "@/lib/i18n/navigation";
import type { TileConfig } from "@/lib/map-tiles";
import { dateInMonth } from "@/lib/months";
import { insideRegion, type Region } from "@/lib/region";
import type { ActionState } from "@/modules/auth/guards";
import { saveRouteAction } from "../../actions";
import { CATEGORY_SLUGS } from "../../categories";
import { CoverUpload } from "./cover-upload";
import { StopsEditor } from "./stops-editor";
import { type EditorState, newKey, type PlaceOption, toPayload } from "./types";

const EditorMap = dynamic(() => import("./editor-map").then((m) => m.EditorMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" />,
});

type Saved = ActionState<{ id: string; slug: string }>;
type Pending = { lat: number; lng: number; nameZh: string; nameEn: string } | null;

const input = "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-[invalid]:border-berry-600";

export function RouteEditor(props: { initial: EditorState; places: PlaceOption[]; tiles: TileConfig; region: Region }) {
  const t = useTranslations("adminRoutes");
  const tc = useTranslations("routes");
  const format = useFormatter();
  const router = useRouter();
  const [state, setState] = useState<EditorState>(props.initial);
  const [mode, setMode] = useState<"view" | "addPlace" | "drawPath">("view");
  const [pending, setPending] = useState<Pending>(null);
  const [mapMessage, setMapMessage] = useState<string | null>(null);
  const [addPlaceId, setAddPlaceId] = useState("");
  const places = useMemo(() => new Map(props.places.map((p) => [p.id, p])), [props.places]);

  const [result, formAction, saving] = useActionState(
    async (previous: Saved, formData: FormData) => {
      const saved = await saveRouteAction(previous, formData);
      if (saved.status === "success" && !state.id) router.replace(`/admin/routes/${saved.data.id}`);
      return saved;
    },
    { status: "idle" } as Saved,
  );
  const errors = result.status === "error" ? result.fields : {};

  const set = <K extends keyof EditorState>(key: K, value: EditorState[K]) => setState((s) => ({ ...s, [key]: value }));
  const stopCoords = state.stops.map((s) => {
    const at = s.newPlace ?? (s.placeId ? places.get(s.placeId) : undefined);
    return { label: s.newPlace?.nameZh ?? at?.nameZh ?? "", lat: at?.lat ?? 0, lng: at?.lng ?? 0 };
  });
  const path = state.path ?? stopCoords.map((s) => [s.lng, s.lat] as [number, number]);

  function onMapClick(lat: number, lng: number) {
    if (mode === "view") return;
    if (!insideRegion(props.region, lat, lng)) {
      setMapMessage(t("outsideRegion"));
      return;
    }
    setMapMessage(null);
    if (mode === "addPlace") setPending({ lat, lng, nameZh: "", nameEn: "" });
    else set("path", [...path, [lng, lat]]);
  }

  function addNewPlace() {
    if (!pending?.nameZh.trim() || !pending.nameEn.trim()) return;
    const newPlace = {
      nameZh: pending.nameZh.trim(),
      nameEn: pending.nameEn.trim(),
      lat: pending.lat,
      lng: pending.lng,
    };
    set("stops", [...state.stops, { key: newKey(), newPlace, suggestedMinutes: 30, noteZh: "", noteEn: "" }]);
    setPending(null);
    setMode("view");
  }

  const text = (key: keyof EditorState & string, label: string, multiline = false) => {
    const props = {
      id: `route-${key}`,
      value: String(state[key] ?? ""),
      "aria-invalid": errors[key] ? true : undefined,
      className: input,
    };
    return (
      <div>
        <label htmlFor={props.id} className="font-medium text-sm">
          {label}
        </label>
        {multiline ? (
          <textarea {...props} rows={3} onChange={(e) => set(key, e.target.value as never)} />
        ) : (
          <input {...props} onChange={(e) => set(key, e.target.value as never)} />
        )}
        {errors[key] ? (
          <p role="alert" className="text-berry-600 text-sm">
            {errors[key]}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="payload" value={JSON.stringify(toPayload(state))} />
      {result.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600">
          {result.message}
        </p>
      ) : null}
      {result.status === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900">
          {t("saved")}
        </p>
      ) : null}

      <section className="grid gap-4 sm:grid-cols-2">
        {text("slug", t("slug"))}
        <div className="grid grid-cols-2 gap-2">
          <label className="font-medium text-sm">
            {t("category")}
            <select
              className={input}
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
              className={input}
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

      <fieldset>
        <legend className="font-medium text-sm">{tc("bestMonths")}</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
            <label
              key={m}
              className="flex items-center gap-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm"
            >
              <input
                type="checkbox"
                checked={state.months.includes(m)}
                onChange={(e) =>
                  set("months", e.target.checked ? [...state.months, m] : state.months.filter((x) => x !== m))
                }
              />
              {format.dateTime(dateInMonth(m), { month: "short" })}
            </label>
          ))}
        </div>
        {errors.months ? (
          <p role="alert" className="text-berry-600 text-sm">
            {errors.months}
          </p>
        ) : null}
      </fieldset>

      <section className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <h2 className="font-semibold">{tc("stops")}</h2>
          {errors.stops ? (
            <p role="alert" className="text-berry-600 text-sm">
              {errors.stops}
            </p>
          ) : null}
          <StopsEditor stops={state.stops} places={places} errors={errors} onChange={(stops) => set("stops", stops)} />
          <div className="flex gap-2">
            <label className="sr-only" htmlFor="add-place">
              {t("pickPlace")}
            </label>
            <select id="add-place" className={input} value={addPlaceId} onChange={(e) => setAddPlaceId(e.target.value)}>
              <option value="">{t("pickPlace")}</option>
              {props.places.map((p) => (
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
                set("stops", [
                  ...state.stops,
                  { key: newKey(), placeId: addPlaceId, suggestedMinutes: 30, noteZh: "", noteEn: "" },
                ]);
                setAddPlaceId("");
              }}
            >
              {t("addStop")}
            </button>
          </div>
        </div>
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
                  if (m === "drawPath" && state.path === null) set("path", path);
                }}
              >
                {t(m)}
              </button>
            ))}
            <button
              type="button"
              className="rounded-lg border border-stone-300 bg-white px-3 py-1"
              onClick={() => set("path", null)}
            >
              {t("pathFollowsStops")}
            </button>
            <button
              type="button"
              className="rounded-lg border border-stone-300 bg-white px-3 py-1"
              disabled={!state.path?.length}
              onClick={() => set("path", state.path?.slice(0, -1) ?? null)}
            >
              {t("undoPoint")}
            </button>
          </div>
          <p className="text-stone-500 text-xs">{t(`hint.${mode}`)}</p>
          <div className="h-96" data-testid="editor-map">
            <EditorMap
              tiles={props.tiles}
              region={props.region}
              stops={stopCoords}
              path={path}
              mode={mode}
              onMapClick={onMapClick}
              onMoveVertex={(i, lat, lng) =>
                set(
                  "path",
                  path.map((p, j) => (j === i ? [lng, lat] : p)),
                )
              }
              label={tc("map")}
            />
          </div>
          {mapMessage ? (
            <p role="alert" className="text-berry-600 text-sm">
              {mapMessage}
            </p>
          ) : null}
          {errors.path ? (
            <p role="alert" className="text-berry-600 text-sm">
              {errors.path}
            </p>
          ) : null}
          {pending ? (
            <div className="space-y-2 rounded-lg border border-brand-600 bg-white p-3" data-testid="new-place">
              <p className="text-sm">{t("newPlaceAt", { lat: pending.lat.toFixed(5), lng: pending.lng.toFixed(5) })}</p>
              <input
                aria-label={t("newPlaceZh")}
                placeholder={t("newPlaceZh")}
                className={input}
                value={pending.nameZh}
                onChange={(e) => setPending({ ...pending, nameZh: e.target.value })}
              />
              <input
                aria-label={t("newPlaceEn")}
                placeholder={t("newPlaceEn")}
                className={input}
                value={pending.nameEn}
                onChange={(e) => setPending({ ...pending, nameEn: e.target.value })}
              />
              <button type="button" className="rounded-lg bg-brand-600 px-3 py-1.5 text-white" onClick={addNewPlace}>
                {t("addNewPlace")}
              </button>
            </div>
          ) : null}
        </div>
      </section>

      <Button type="submit" disabled={saving} className="sm:w-auto">
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
