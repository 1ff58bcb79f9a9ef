"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { announceAuthChanged } from "@/components/layout/use-session-summary";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useRouter } from "@/lib/i18n/navigation";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { HOME_BY_ROLE } from "../permissions";

export function SignInForm({ callbackUrl }: { callbackUrl: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(formData: FormData) {
    setPending(true);
    setError(null);
    // next-auth's client is fetched when someone signs in, not with every page.
    const { getSession, signIn } = await import("next-auth/react");
    const result = await signIn("credentials", {
      email: String(formData.get("email") ?? ""),
      password: String(formData.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(t("invalidCredentials"));
      return;
    }
    const session = await getSession();
    const target = safeCallbackPath(callbackUrl) ?? (session ? HOME_BY_ROLE[session.user.role] : "/");
    announceAuthChanged();
    router.replace(target);
    router.refresh();
  }

  return (
    <form action={onSubmit} className="space-y-4" noValidate>
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="text-berry-600 text-sm">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("submitting") : t("signInSubmit")}
      </Button>
    </form>
  );
}
