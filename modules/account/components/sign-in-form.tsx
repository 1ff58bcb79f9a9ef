"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Link } from "@/lib/i18n/navigation";
import { localisedPath } from "@/lib/safe-redirect";
import { HOME_BY_ROLE } from "@/modules/auth/permissions";
import { announceAuthChanged } from "@/modules/auth/use-session-summary";
import { keptPagesBelongTo } from "@/modules/offline/keep-page";
import { claimRememberedOrders } from "../claim-remembered-orders";

/** `callbackPath` is already checked on the server (lib/safe-redirect): a path of this site, or null. */
export function SignInForm({ callbackPath }: { callbackPath: string | null }) {
  const t = useTranslations("auth");
  const locale = useLocale();
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
      setError(
        result?.error === "RateLimited"
          ? t("rateLimited")
          : result?.error === "AccountDisabled"
            ? t("accountDisabled")
            : t("invalidCredentials"),
      );
      return;
    }
    // Orders this browser placed as a guest join the account.
    await claimRememberedOrders();
    const session = await getSession();
    // Pages this phone kept for another account go before this one sees any (even offline).
    if (session?.user?.id) await keptPagesBelongTo(session.user.id);
    // A plain router: the path already carries its locale, or gets this page's.
    const target = localisedPath(callbackPath ?? (session ? HOME_BY_ROLE[session.user.role] : "/"), locale);
    announceAuthChanged();
    router.replace(target);
    router.refresh();
  }

  return (
    <form action={onSubmit} className="space-y-4" noValidate>
      <Field name="email" type="email" label={t("email")} autoComplete="email" required />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <p className="text-sm">
        <Link href="/forgot-password" className="text-brand-700 underline">
          {t("forgotPasswordLink")}
        </Link>
      </p>
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
