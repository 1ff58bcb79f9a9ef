"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { announceAuthChanged } from "@/modules/auth/use-session-summary";
import { updateProfileAction } from "../actions";
import type { ProfileInput } from "../schemas";

type State = ActionState<ProfileInput>;

/** Name, mobile number and the language of the account's mails and texts. */
export function ProfileForm({ profile }: { profile: { name: string; phone: string | null; locale: "zh-CN" | "en" } }) {
  const t = useTranslations("account.profile");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(updateProfileAction, { status: "idle" } as State);
  useEffect(() => {
    if (state.status !== "success") return;
    // The header shows the name.
    announceAuthChanged();
    router.refresh();
  }, [state, router]);
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : {};
  const current = state.status === "success" ? state.data : profile;

  return (
    <form action={formAction} className="space-y-4 rounded-xl bg-white p-4 shadow-sm" noValidate>
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm">
          {t("saved")}
        </p>
      ) : null}
      <Field
        name="name"
        label={t("name")}
        autoComplete="name"
        maxLength={60}
        defaultValue={values.name ?? current.name}
        error={fields.name}
        required
      />
      <Field
        name="phone"
        type="tel"
        inputMode="tel"
        label={t("phone")}
        autoComplete="tel"
        hint={t("phoneHint")}
        defaultValue={values.phone ?? current.phone ?? ""}
        error={fields.phone}
      />
      <div className="space-y-1">
        <label htmlFor="locale" className="block font-medium text-sm text-stone-800">
          {t("locale")}
        </label>
        <select
          id="locale"
          name="locale"
          defaultValue={values.locale ?? current.locale}
          className="block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base"
          aria-describedby="locale-hint"
        >
          <option value="zh-CN">中文</option>
          <option value="en">English</option>
        </select>
        <p id="locale-hint" className="text-stone-500 text-xs">
          {t("localeHint")}
        </p>
        {fields.locale ? (
          <p className="text-berry-600 text-sm" role="alert">
            {fields.locale}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
