"use client";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/lib/i18n/navigation";
import type { TileConfig } from "@/lib/map-tiles";
import { insideRegion, type Region } from "@/lib/region";
import type { ActionState } from "@/modules/auth/guards";
import { saveWorkshopAction } from "../actions";
import type { WorkshopFormValues } from "../queries";

const PlacePickerMap = dynamic(() => import("./place-picker-map").then((m) => m.PlacePickerMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" />,
});

type Saved = ActionState<{ id: string; slug: string }>;
type Values = Omit<WorkshopFormValues, "id"> & { id?: string };

const TEXTS = ["nameZh", "nameEn", "village", "openingHoursZh", "openingHoursEn", "phone"] as const;
const STORIES = ["storyZh", "storyEn"] as const;
const textarea =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600";

/** Create or edit a workshop: its texts in both languages and its point on the map. */
export function WorkshopForm({ initial, tiles, region }: { initial: Values; tiles: TileConfig; region: Region }) {
  const t = useTranslations("adminWorkshops");
  const router = useRouter();
  const [point, setPoint] = useState(
    initial.lat && initial.lng ? { lat: Number(initial.lat), lng: Number(initial.lng) } : null,
  );
  const [refused, setRefused] = useState(0);
  const [mapMessage, setMapMessage] = useState<string | null>(null);
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
  const placeError = errors.place ?? errors.lat ?? errors.lng;

  function pick(lat: number, lng: number) {
    if (!insideRegion(region, lat, lng)) {
      setMapMessage(t("errors.outsideRegion"));
      setRefused((n) => n + 1);
      return;
    }
    setMapMessage(null);
    setPoint({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) });
  }

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
      <section className="grid gap-4 sm:grid-cols-2">
        <Field
          name="slug"
          label={t("slug")}
          hint={t("slugHint")}
          defaultValue={values.slug}
          error={errors.slug}
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        {TEXTS.map((key) => (
          <Field
            key={key}
            name={key}
            label={t(key)}
            defaultValue={values[key] ?? ""}
            error={errors[key]}
            type={key === "phone" ? "tel" : "text"}
            required={key === "nameZh" || key === "nameEn"}
          />
        ))}
        {STORIES.map((key) => (
          <div key={key} className="space-y-1">
            <label htmlFor={key} className="block font-medium text-sm text-stone-800">
              {t(key)}
            </label>
            <textarea
              id={key}
              name={key}
              rows={5}
              defaultValue={values[key] ?? ""}
              aria-invalid={errors[key] ? true : undefined}
              className={textarea}
              required={key === "storyZh"}
            />
            {errors[key] ? (
              <p role="alert" className="text-berry-600 text-sm">
                {errors[key]}
              </p>
            ) : null}
          </div>
        ))}
      </section>

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
            markerLabel={values.nameZh ?? ""}
            resetKey={refused}
          />
        </div>
        <p className="text-sm" data-testid="workshop-point">
          {point ? t("at", { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) }) : t("noPlace")}
        </p>
        {mapMessage || placeError ? (
          <p role="alert" className="text-berry-600 text-sm">
            {mapMessage ?? placeError}
          </p>
        ) : null}
        <label className="block text-sm">
          {t("precision")}
          <select
            name="precision"
            defaultValue={values.precision ?? "APPROXIMATE"}
            className="mt-1 block rounded-lg border border-stone-300 bg-white px-3 py-2"
          >
            <option value="SURVEYED">{t("precisions.SURVEYED")}</option>
            <option value="APPROXIMATE">{t("precisions.APPROXIMATE")}</option>
          </select>
        </label>
      </fieldset>

      <Button type="submit" disabled={saving} className="sm:w-auto">
        {saving ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
