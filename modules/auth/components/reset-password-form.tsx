"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { Link } from "@/lib/i18n/navigation";
import { resetPasswordAction } from "../actions";
import { NewPasswordFields } from "./new-password-fields";

type State = ActionState<{ reset: boolean }>;

/** Sets a new password with the token from a reset link; afterwards, the way to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(resetPasswordAction, { status: "idle" } as State);
  if (state.status === "success") {
    return (
      <div role="status" className="space-y-3 rounded-xl bg-brand-50 p-4 text-brand-900">
        <p>{t("reset.done")}</p>
        <Link href="/sign-in" className="font-medium underline">
          {t("reset.signIn")}
        </Link>
      </div>
    );
  }
  const fields = state.status === "error" ? state.fields : {};
  // An error without a field is the link itself (used, expired or unknown): offer a new one.
  const linkFailed = state.status === "error" && Object.keys(fields).length === 0;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {state.status === "error" ? (
        <div role="alert" className="space-y-1 rounded bg-red-50 p-2 text-berry-600 text-sm">
          <p>{state.message}</p>
          {linkFailed ? (
            <Link href="/forgot-password" className="underline">
              {t("reset.askAgain")}
            </Link>
          ) : null}
        </div>
      ) : null}
      <NewPasswordFields errors={fields} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("reset.submit")}
      </Button>
    </form>
  );
}
