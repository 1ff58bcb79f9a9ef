"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { changePasswordAction } from "../actions";
import { announceAuthChanged } from "../use-session-summary";
import { NewPasswordFields } from "./new-password-fields";

// "signedOut": the password changed, but signing this browser in again failed.
type State = ActionState<{ email: string | null }> | { status: "signedOut" };

/** The account page's password change. This browser signs in again with the new password; every other session ends. */
export function ChangePasswordForm({ email }: { email: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [state, formAction, pending] = useActionState(
    async (previous: State, formData: FormData): Promise<State> => {
      const result = await changePasswordAction(
        previous.status === "signedOut" ? { status: "idle" } : previous,
        formData,
      );
      if (result.status !== "success") return result;
      // The change ended this browser's session too: a new one carries the new session version.
      const { signIn } = await import("next-auth/react");
      if (!result.data.email) return { status: "signedOut" };
      const again = await signIn("credentials", {
        email: result.data.email,
        password: String(formData.get("newPassword") ?? ""),
        redirect: false,
      });
      announceAuthChanged();
      if (!again || again.error) return { status: "signedOut" };
      router.refresh();
      return result;
    },
    { status: "idle" } as State,
  );
  const fields = state.status === "error" ? state.fields : {};

  return (
    <form action={formAction} className="space-y-4 rounded-xl bg-white p-4 shadow-sm" noValidate>
      <p className="text-sm text-stone-600">{t("change.intro")}</p>
      {/* For password managers: the account whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm">
          {t("change.done")}
        </p>
      ) : null}
      {state.status === "signedOut" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm">
          {t("change.signInAgain")}{" "}
          <Link href="/sign-in" className="underline">
            {t("signInSubmit")}
          </Link>
        </p>
      ) : null}
      <Field
        name="currentPassword"
        type="password"
        label={t("change.currentPassword")}
        autoComplete="current-password"
        error={fields.currentPassword}
        required
      />
      <NewPasswordFields errors={fields} />
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("change.submit")}
      </Button>
    </form>
  );
}
