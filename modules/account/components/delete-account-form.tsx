"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { Link } from "@/lib/i18n/navigation";
import { PhoneCodeFields } from "@/modules/auth/components/phone-code-fields";
import { announceAuthChanged, forgetSessionSummary } from "@/modules/auth/use-session-summary";
import { forgetAccountPages } from "@/modules/offline/keep-page";
import { deleteAccountAction } from "../actions";
import type { DeletionResult } from "../delete-account";

type State = ActionState<DeletionResult>;

/** The confirmation: the account's password, then the deletion; this browser is signed out after it. */
export function DeleteAccountForm({ email, codePhone }: { email: string; codePhone: string | null }) {
  const t = useTranslations("account.delete");
  const [state, formAction, pending] = useActionState(
    async (previous: State, formData: FormData) => {
      const result = await deleteAccountAction(previous, formData);
      if (result.status === "success") {
        // The account's sessions have ended; this clears the cookie of the ended one, and the
        // account's pages kept on this phone for offline use go too, and the header's last known user.
        const { signOut } = await import("next-auth/react");
        await signOut({ redirect: false });
        await forgetAccountPages();
        forgetSessionSummary();
        announceAuthChanged();
      }
      return result;
    },
    { status: "idle" } as State,
  );

  if (state.status === "success") {
    return (
      <div role="status" className="space-y-2 rounded-xl bg-brand-50 p-4 text-brand-900" data-testid="account-deleted">
        <p className="font-semibold">{t("done")}</p>
        {state.data.cancelledTickets > 0 ? <p>{t("doneCancelled", { count: state.data.cancelledTickets })}</p> : null}
        {state.data.keptValid > 0 ? <p>{t("doneKept", { count: state.data.keptValid })}</p> : null}
        <Link href="/" className="inline-block underline">
          {t("home")}
        </Link>
      </div>
    );
  }
  const fields = state.status === "error" ? state.fields : {};
  return (
    <form action={formAction} className="space-y-4 rounded-xl border border-berry-600/30 bg-white p-4" noValidate>
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      {codePhone ? (
        // An account made with a phone number has no password: the code texted to it confirms.
        <PhoneCodeFields phone={codePhone} codeError={fields.code} />
      ) : (
        <Field
          name="password"
          type="password"
          label={t("password")}
          autoComplete="current-password"
          hint={t("passwordHint")}
          error={fields.password}
          required
        />
      )}
      <Button type="submit" disabled={pending} className="bg-berry-600 hover:bg-berry-600/90">
        {pending ? t("deleting") : t("submit")}
      </Button>
    </form>
  );
}
