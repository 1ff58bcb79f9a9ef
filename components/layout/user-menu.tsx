"use client";
import { signOut, useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { HOME_BY_ROLE } from "@/modules/auth/permissions";

export function UserMenu() {
  const { data, status } = useSession();
  const t = useTranslations("nav");
  const router = useRouter();
  if (status === "loading") return <span className="inline-block h-8 w-16" aria-hidden="true" />;
  if (!data?.user) {
    return (
      <Link href="/sign-in" className="rounded bg-brand-600 px-3 py-1.5 text-sm text-white hover:bg-brand-700">
        {t("signIn")}
      </Link>
    );
  }
  const role = data.user.role;
  const home = HOME_BY_ROLE[role];
  const label =
    role === "VISITOR" ? t("account") : t(role === "FARMER" ? "farmer" : role === "ORGANISER" ? "organiser" : "admin");
  return (
    <div className="flex items-center gap-2 text-sm">
      <Link href={home} className="rounded px-2 py-1 text-brand-700 hover:bg-brand-50" data-testid="user-menu">
        {label}
      </Link>
      <button
        type="button"
        className="rounded px-2 py-1 text-stone-600 hover:bg-stone-100"
        onClick={async () => {
          await signOut({ redirect: false });
          router.push("/");
          router.refresh();
        }}
      >
        {t("signOut")}
      </button>
    </div>
  );
}
