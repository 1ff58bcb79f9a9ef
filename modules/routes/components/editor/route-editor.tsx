"use client";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import type { TileConfig } from "@/lib/map-tiles";
import type { Region } from "@/lib/region";
import { saveRouteAction } from "../../actions";
import { BestMonths } from "./best-months";
import { RouteBasics, type SetField } from "./route-basics";
import { RouteMapPanel } from "./route-map-panel";
import { RouteStops } from "./route-stops";
import { type EditorState, newKey, type PlaceOption, toPayload } from "./types";

type Saved = ActionState<{ id: string; slug: string }>;

export function RouteEditor(props: { initial: EditorState; places: PlaceOption[]; tiles: TileConfig; region: Region }) {
  const t = useTranslations("adminRoutes");
  const router = useRouter();
  const [state, setState] = useState<EditorState>(props.initial);
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

  const set: SetField = (key, value) => setState((s) => ({ ...s, [key]: value }));
  const stopCoords = state.stops.map((s) => {
    const at = s.newPlace ?? (s.placeId ? places.get(s.placeId) : undefined);
    return { label: s.newPlace?.nameZh ?? at?.nameZh ?? "", lat: at?.lat ?? 0, lng: at?.lng ?? 0 };
  });
  const path = state.path ?? stopCoords.map((s) => [s.lng, s.lat] as [number, number]);

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

      <RouteBasics state={state} errors={errors} set={set} />
      <BestMonths months={state.months} error={errors.months} onChange={(months) => set("months", months)} />

      <section className="grid gap-4 lg:grid-cols-2">
        <RouteStops
          stops={state.stops}
          places={places}
          options={props.places}
          errors={errors}
          onChange={(stops) => set("stops", stops)}
        />
        <RouteMapPanel
          tiles={props.tiles}
          region={props.region}
          stops={stopCoords}
          path={path}
          drawn={state.path}
          error={errors.path}
          onPathChange={(next) => set("path", next)}
          onAddPlace={(newPlace) =>
            set("stops", [...state.stops, { key: newKey(), newPlace, suggestedMinutes: 30, noteZh: "", noteEn: "" }])
          }
        />
      </section>

      <Button type="submit" disabled={saving} className="sm:w-auto">
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
