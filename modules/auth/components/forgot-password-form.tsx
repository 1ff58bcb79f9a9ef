"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { requestPasswordResetAction } from "../actions";

type State = ActionState<{ email: string }>;

/** Asks for a reset link. The answer is the same whether or not the address has an account. */
export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, { status: "idle" } as State);
  if (state.status === "success") {
    return (
      <p role="status" className="rounded-xl bg-brand-50 p-4 text-brand-900" data-testid="reset-requested">
        {t("forgot.sent", { email: state.data.email })}
      </p>
    );
  }
  const fields = state.status === "error" ? state.fields : {};
  const values = state.status === "error" ? state.values : {};

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        defaultValue={values.email}
        error={fields.email}
        required
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("forgot.submit")}
      </Button>
    </form>
  );
}
