import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { NavIcon } from "./nav-icon";
import { NAV_ITEMS } from "./nav-items";

/**
 * The phone's tab bar, pinned to the bottom of the screen. It must not sit inside the
 * header: the header's backdrop-filter makes it the containing block of its `fixed`
 * children, which pinned the bar to the header's own bottom edge, over the logo, the
 * language switch, the basket and the sign-in link. The layout leaves room for it.
 */
export async function TabBar() {
  const t = await getTranslations("nav");
  return (
    <nav
      aria-label={t("mainNav")}
      className="no-print fixed inset-x-0 bottom-0 z-20 grid grid-cols-4 border-stone-200 border-t bg-white pb-[env(safe-area-inset-bottom)] sm:hidden"
    >
      {NAV_ITEMS.map((item) => (
        <Link key={item.href} href={item.href} className="flex flex-col items-center py-2 text-stone-700 text-xs">
          <NavIcon name={item.key} />
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );
}
