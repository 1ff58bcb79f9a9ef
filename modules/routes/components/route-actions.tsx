"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** Share (the phone's share sheet, or copy the link) and print. */
export function RouteActions({ title }: { title: string }) {
  const t = useTranslations("routes");
  const [copied, setCopied] = useState(false);
  async function share() {
    const url = window.location.href;
    if (navigator.share) {
      await navigator.share({ title, url }).catch(() => {});
      return;
    }
    await navigator.clipboard?.writeText(url);
    setCopied(true);
  }
  const button = "rounded-lg border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
  return (
    <div className="no-print flex flex-wrap items-center gap-2">
      <button type="button" className={button} onClick={share}>
        {t("share")}
      </button>
      <button type="button" className={button} onClick={() => window.print()}>
        {t("print")}
      </button>
      {copied ? (
        <span role="status" className="text-brand-700 text-sm">
          {t("copied")}
        </span>
      ) : null}
    </div>
  );
}
