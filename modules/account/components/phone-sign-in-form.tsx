"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { localisedPath } from "@/lib/safe-redirect";
import { PhoneCodeFields } from "@/modules/auth/components/phone-code-fields";
import { HOME_BY_ROLE } from "@/modules/auth/permissions";
import { announceAuthChanged } from "@/modules/auth/use-session-summary";
import { keptPagesBelongTo } from "@/modules/offline/keep-page";
import { PrivacyConsent } from "@/modules/privacy/components/privacy-consent";
import { claimRememberedOrders } from "../claim-remembered-orders";

/** next-auth's `error` of a phone sign-in (phone-sign-in.ts) as a message; "CodeWrong:3" carries the tries left. */
function useErrorMessage() {
  const t = useTranslations("phone.errors");
  const ta = useTranslations("auth");
  return (error: string): { field: "code" | "phone" | "privacyConsent" | null; message: string } => {
    const [reason, left] = error.split(":");
    switch (reason) {
      case "CodeWrong":
        return { field: "code", message: t("codeWrong", { left: Number(left ?? 0) }) };
      case "CodeLocked":
        return { field: "code", message: t("codeLocked") };
      case "CodeExpired":
        return { field: "code", message: t("codeExpired") };
      case "ConsentRequired":
        return { field: "privacyConsent", message: t("consentRequired") };
      case "PhoneInvalid":
        return { field: "phone", message: t("phoneInvalid") };
      case "AccountDisabled":
        return { field: null, message: ta("accountDisabled") };
      case "RateLimited":
        return { field: null, message: ta("rateLimited") };
      default:
        return { field: null, message: t("signInFailed") };
    }
  };
}

/**
 * Signing in with a mobile number and a texted code; a number without an account gets
 * one, so this is sign-up too. As with a password, the browser's guest orders join the
 * account and pages kept for another account go.
 */
export function PhoneSignInForm({ callbackPath }: { callbackPath: string | null }) {
  const t = useTranslations("phone");
  const locale = useLocale();
  const router = useRouter();
  const explain = useErrorMessage();
  const [error, setError] = useState<ReturnType<typeof explain> | null>(null);
  const [pending, setPending] = useState(false);

  // A submit handler, not a form action: a form action resets the fields afterwards,
  // and a visitor who only forgot the consent box would lose the code typed.
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { getSession, signIn } = await import("next-auth/react");
    const result = await signIn("phone", {
      phone: String(formData.get("phone") ?? ""),
      code: String(formData.get("code") ?? ""),
      privacyConsent: String(formData.get("privacyConsent") ?? ""),
      locale,
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(explain(result?.error ?? ""));
      return;
    }
    await claimRememberedOrders();
    const session = await getSession();
    if (session?.user?.id) await keptPagesBelongTo(session.user.id);
    const target = localisedPath(callbackPath ?? (session ? HOME_BY_ROLE[session.user.role] : "/"), locale);
    announceAuthChanged();
    router.replace(target);
    router.refresh();
  }

  const fieldError = (field: "code" | "phone" | "privacyConsent") =>
    error?.field === field ? error.message : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <PhoneCodeFields phoneError={fieldError("phone")} codeError={fieldError("code")} />
      <PrivacyConsent error={fieldError("privacyConsent")} />
      {error && error.field === null ? (
        <p role="alert" className="text-berry-600 text-sm">
          {error.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
