"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import type { TileConfig } from "@/lib/map-tiles";
import type { Region } from "@/lib/region";
import { saveWorkshopAction } from "../actions";
import type { WorkshopFormValues } from "../queries";
import { WorkshopPlace } from "./workshop-form/workshop-place";
import { WorkshopTexts } from "./workshop-form/workshop-texts";

type Saved = ActionState<{ id: string; slug: string }>;
type Values = Omit<WorkshopFormValues, "id"> & { id?: string };

/** Create or edit a workshop: its texts in both languages and its point on the map. */
export function WorkshopForm({ initial, tiles, region }: { initial: Values; tiles: TileConfig; region: Region }) {
  const t = useTranslations("adminWorkshops");
  const router = useRouter();
  const [point, setPoint] = useState(
    initial.lat && initial.lng ? { lat: Number(initial.lat), lng: Number(initial.lng) } : null,
  );
  // React resets the form after an action: refill it with what was just saved.
  const [submitted, setSubmitted] = useState<Record<string, string> | null>(null);
  const [result, formAction, saving] = useActionState(
    async (previous: Saved, formData: FormData) => {
      const saved = await saveWorkshopAction(previous, formData);
      if (saved.status === "success") {
        setSubmitted(Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])));
        if (!initial.id) router.replace(`/admin/workshops/${saved.data.id}`);
        else router.refresh();
      }
      return saved;
    },
    { status: "idle" } as Saved,
  );
  const errors = result.status === "error" ? result.fields : {};
  const values: Partial<Record<string, string>> = result.status === "error" ? result.values : (submitted ?? initial);

  return (
    <form action={formAction} className="space-y-6" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input type="hidden" name="lat" value={point ? String(point.lat) : ""} />
      <input type="hidden" name="lng" value={point ? String(point.lng) : ""} />
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
      <WorkshopTexts values={values} errors={errors} />

      <WorkshopPlace
        tiles={tiles}
        region={region}
        point={point}
        onPoint={setPoint}
        error={errors.place ?? errors.lat ?? errors.lng}
        markerLabel={values.nameZh ?? ""}
        precision={values.precision ?? "APPROXIMATE"}
      />

      <Button type="submit" disabled={saving} className="sm:w-auto">
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
