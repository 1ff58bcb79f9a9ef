"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { signUpAction } from "@/modules/auth/actions";
import { announceAuthChanged } from "@/modules/auth/use-session-summary";
import { keptPagesBelongTo } from "@/modules/offline/keep-page";
import { PrivacyConsent } from "@/modules/privacy/components/privacy-consent";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";
import { claimRememberedOrders } from "../claim-remembered-orders";

type State = ActionState<{ email: string }>;

export function SignUpForm() {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(
    async (previous: State, formData: FormData) => {
      const result = await signUpAction(previous, formData);
      if (result.status === "success") {
        const { getSession, signIn } = await import("next-auth/react");
        await signIn("credentials", {
          email: result.data.email,
          password: String(formData.get("password") ?? ""),
          redirect: false,
        });
        // Pages this phone kept for another account go before the new one sees any.
        const session = await getSession();
        if (session?.user?.id) await keptPagesBelongTo(session.user.id);
        // Orders this browser placed as a guest join the new account: found at once on /account.
        await claimRememberedOrders();
        announceAuthChanged();
        router.replace("/account");
        router.refresh();
      }
      return result;
    },
    { status: "idle" } as State,
  );
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
