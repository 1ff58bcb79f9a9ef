"use client";
import { useSearchParams } from "next/navigation";
import { useLocale } from "next-intl";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";

function SwitchLink({ label }: { label: string }) {
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const other = locale === "en" ? "zh-CN" : "en";
  const query = Object.fromEntries(search.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      className="whitespace-nowrap rounded border border-stone-300 px-2 py-1 text-sm hover:bg-stone-100"
    >
      {label}
    </Link>
  );
}

/** Switches language and keeps the page (path and query). */
export function LanguageSwitcher({ label }: { label: string }) {
  return (
    <Suspense fallback={<span className="whitespace-nowrap px-2 py-1 text-sm">{label}</span>}>
      <SwitchLink label={label} />
    </Suspense>
  );
}
