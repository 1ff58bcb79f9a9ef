"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { Link } from "@/lib/i18n/navigation";
import { confirmSignUpAction } from "../actions";

type State = ActionState<{ id: string; email: string }>;

/** Makes the account of the sign-up whose link this is, then sends the visitor to sign in. */
export function ConfirmSignUpForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(confirmSignUpAction, { status: "idle" } as State);
  if (state.status === "success") {
    return (
      <div
        role="status"
        className="space-y-3 rounded-xl bg-brand-50 p-4 text-brand-900"
        data-testid="sign-up-confirmed"
      >
        <p>{t("signUpConfirm.done", { email: state.data.email })}</p>
        <Link
          href={`/sign-in?method=email`}
          className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 font-medium text-white"
        >
          {t("signUpConfirm.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-stone-600">{t("signUpConfirm.intro")}</p>
      {state.status === "error" ? (
        <div role="alert" className="space-y-2 rounded-xl bg-red-50 p-4 text-berry-600">
          <p>{state.message}</p>
          <Link href="/sign-up" className="underline">
            {t("signUpConfirm.again")}
          </Link>
        </div>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("signUpConfirm.submit")}
      </Button>
    </form>
  );
}
