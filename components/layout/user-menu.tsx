"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { HOME_BY_ROLE } from "@/modules/auth/permissions";
import { announceAuthChanged, forgetSessionSummary, useSessionSummary } from "@/modules/auth/use-session-summary";
import { forgetAccountPages, keptPagesBelongTo } from "@/modules/offline/keep-page";

const LABEL = { VISITOR: "account", FARMER: "farmer", ORGANISER: "organiser", ADMIN: "admin" } as const;

export function UserMenu() {
  const session = useSessionSummary();
  const t = useTranslations("nav");
  const router = useRouter();
  // Only as the server says it (not the last known user shown without signal).
  const accountId = session.status === "signed-in" && !session.cached ? session.user.id : null;
  // Pages kept for another account on this phone (one who never signed out) go as this one is seen.
  useEffect(() => {
    if (accountId) keptPagesBelongTo(accountId);
  }, [accountId]);
  if (session.status === "loading") return <span className="inline-block h-8 w-16" aria-hidden="true" />;
  if (session.status === "anonymous") {
    return (
      <Link
        href="/sign-in"
        className="inline-flex min-h-11 items-center whitespace-nowrap rounded bg-brand-600 px-3 text-sm text-white hover:bg-brand-700"
      >
        {t("signIn")}
      </Link>
    );
  }
  const role = session.user.role;
  return (
    <div className="flex items-center gap-1 text-sm sm:gap-2">
      {/* On a phone the account link is an icon (its name still read out), so the header keeps one line. */}
      <Link
        href={HOME_BY_ROLE[role]}
        className="tap whitespace-nowrap rounded text-brand-700 hover:bg-brand-50 sm:px-2"
        data-testid="user-menu"
      >
        <svg
          viewBox="0 0 24 24"
          className="h-5 w-5 sm:hidden"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <circle cx="12" cy="8" r="4" />
          <path d="M4 21a8 8 0 0 1 16 0" />
        </svg>
        <span className="sr-only sm:not-sr-only">{t(LABEL[role])}</span>
      </Link>
      <button
        type="button"
        className="min-h-11 whitespace-nowrap rounded px-2 text-stone-600 hover:bg-stone-100"
        onClick={async () => {
          // next-auth's client is loaded only when someone signs out.
          const { signOut } = await import("next-auth/react");
          await signOut({ redirect: false });
          await forgetAccountPages();
          forgetSessionSummary();
          announceAuthChanged();
          router.push("/");
          router.refresh();
        }}
      >
        {t("signOut")}
      </button>
    </div>
  );
}
