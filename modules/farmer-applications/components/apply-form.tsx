"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { applyToSellAction } from "../actions";

type State = ActionState<{ id: string }>;
type Values = { displayName: string; village: string; phone: string; workshopId: string };

/** The application form; after a rejection it comes back filled in with what was sent. */
export function ApplyForm({
  workshops,
  initial,
  again,
}: {
  workshops: { id: string; name: string }[];
  initial?: Values;
  again: boolean;
}) {
  const t = useTranslations("farmerApply");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(applyToSellAction, { status: "idle" } as State);
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  const fields = state.status === "error" ? state.fields : {};
  const values: Partial<Values> = state.status === "error" ? state.values : (initial ?? {});

  return (
    <form action={formAction} className="space-y-4 rounded-xl bg-white p-4 shadow-sm" noValidate>
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      <Field
        name="displayName"
        label={t("displayName")}
        hint={t("displayNameHint")}
        defaultValue={values.displayName}
        error={fields.displayName}
        maxLength={40}
        required
      />
      <Field
        name="village"
        label={t("village")}
        defaultValue={values.village}
        error={fields.village}
        maxLength={40}
        required
      />
      <Field
        name="phone"
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        label={t("phone")}
        defaultValue={values.phone}
        error={fields.phone}
        required
      />
      <div className="space-y-1">
        <label htmlFor="workshopId" className="block font-medium text-sm text-stone-800">
          {t("workshop")}
        </label>
        <select
          id="workshopId"
          name="workshopId"
          defaultValue={values.workshopId ?? ""}
          aria-invalid={fields.workshopId ? true : undefined}
          aria-describedby={fields.workshopId ? "workshopId-error" : undefined}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-[invalid]:border-berry-600"
          required
        >
          <option value="">{t("chooseWorkshop")}</option>
          {workshops.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        {fields.workshopId ? (
          <p id="workshopId-error" role="alert" className="text-berry-600 text-sm">
            {fields.workshopId}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : again ? t("reapply") : t("submit")}
      </Button>
    </form>
  );
}
