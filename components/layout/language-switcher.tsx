"use client";
import { useLocale } from "next-intl";
import { Link, usePathname, useRouter } from "@/lib/i18n/navigation";

/**
 * Switches language and keeps the page (path and query). The query is read when the link
 * is followed, not while rendering (useSearchParams would make every cached page render
 * the switch again in the browser after hydrating).
 */
export function LanguageSwitcher({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const other = locale === "en" ? "zh-CN" : "en";
  return (
    <Link
      href={pathname}
      locale={other}
      hrefLang={other}
      className="inline-flex min-h-11 items-center whitespace-nowrap rounded border border-stone-300 px-2 text-sm hover:bg-stone-100"
      onClick={(event) => {
        const search = window.location.search;
        if (!search || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        router.push(`${pathname}${search}`, { locale: other });
      }}
    >
      {label}
    </Link>
  );
}
