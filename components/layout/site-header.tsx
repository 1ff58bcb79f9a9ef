import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { BasketLink } from "./basket-link";
import { LanguageSwitcher } from "./language-switcher";
import { NAV_ITEMS } from "./nav-items";
import { UserMenu } from "./user-menu";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const tm = await getTranslations("meta");
  return (
    <header className="no-print sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-4 sm:gap-4">
        <Link
          href="/"
          className="inline-flex min-h-11 items-center whitespace-nowrap font-semibold text-brand-700 text-lg"
        >
          {tm("siteName")}
        </Link>
        <nav aria-label={t("mainNav")} className="hidden flex-1 gap-1 sm:flex">
          {NAV_ITEMS.map((item) => (
            <Link key={item.href} href={item.href} className="rounded px-3 py-2 text-stone-700 hover:bg-brand-50">
              {t(item.key)}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          <LanguageSwitcher label={t("switchTo")} />
          <BasketLink />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
