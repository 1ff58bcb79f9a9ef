"use client";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { HOME_BY_ROLE } from "@/modules/auth/permissions";
import { announceAuthChanged, useSessionSummary } from "./use-session-summary";

const LABEL = { VISITOR: "account", FARMER: "farmer", ORGANISER: "organiser", ADMIN: "admin" } as const;

export function UserMenu() {
  const session = useSessionSummary();
  const t = useTranslations("nav");
  const router = useRouter();
  if (session.status === "loading") return <span className="inline-block h-8 w-16" aria-hidden="true" />;
  if (session.status === "anonymous") {
    return (
      <Link href="/sign-in" className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
        {t("signIn")}
      </Link>
    );
  }
  const role = session.user.role;
  return (
    <div className="flex items-center gap-2 text-sm">
      <Link
        href={HOME_BY_ROLE[role]}
        className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50"
        data-testid="user-menu"
      >
        {t(LABEL[role])}
      </Link>
      <button
        type="button"
        className="rounded px-2 py-1 text-stone-600 hover:bg-stone-100"
        onClick={async () => {
          // next-auth's client is loaded only when someone signs out.
          const { signOut } = await import("next-auth/react");
          await signOut({ redirect: false });
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
