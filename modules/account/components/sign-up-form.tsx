"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { signUpAction } from "@/modules/auth/actions";
import { PrivacyConsent } from "@/modules/privacy/components/privacy-consent";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";

type State = ActionState<{ email: string }>;

/**
 * Signing up with an e-mail and a password. The answer is the same for every address:
 * the account is made when the link mailed there is opened (auth/sign-up.ts), and this
 * browser's guest orders join it at the sign-in after that.
 */
export function SignUpForm() {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(signUpAction, { status: "idle" } as State);
  if (state.status === "success") {
    return (
      <p role="status" className="rounded-xl bg-brand-50 p-4 text-brand-900" data-testid="sign-up-sent">
        {t("signUpSent", { email: state.data.email })}
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
        name="name"
        label={t("name")}
        autoComplete="name"
        defaultValue={values.name}
        error={fields.name}
        required
      />
      <Field
        name="email"
        type="email"
        label={t("email")}
        autoComplete="email"
        defaultValue={values.email}
        error={fields.email}
        required
      />
      <Field
        name="phone"
        type="tel"
        label={t("phone")}
        autoComplete="tel"
        inputMode="tel"
        defaultValue={values.phone}
        error={fields.phone}
      />
      <Field
        name="password"
        type="password"
        label={t("password")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={fields.password}
        required
      />
      <PrivacyConsent error={fields.privacyConsent} defaultChecked={values.privacyConsent === PRIVACY_NOTICE_VERSION} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("signUpSubmit")}
      </Button>
    </form>
  );
}
