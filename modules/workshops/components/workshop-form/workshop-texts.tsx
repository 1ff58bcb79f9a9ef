"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

const TEXTS = ["nameZh", "nameEn", "village", "openingHoursZh", "openingHoursEn", "phone"] as const;
const STORIES = ["storyZh", "storyEn"] as const;
const textarea =
  "block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600";

/** The workshop's address (slug), names, village, opening hours, phone and story, in both languages. */
export function WorkshopTexts({
  values,
  errors,
}: {
  values: Partial<Record<string, string>>;
  errors: Record<string, string>;
}) {
  const t = useTranslations("adminWorkshops");
  return (
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
  );
}
