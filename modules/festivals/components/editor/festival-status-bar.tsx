"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { PublishToggle } from "./publish-toggle";
import type { EditorFestival } from "./types";

/** A saved festival's status, its publish switch, and (when published) a link to its public page. */
export function FestivalStatusBar({
  id,
  status,
  slug,
  dirty,
  onPublished,
}: {
  id: string;
  status: EditorFestival["status"];
  slug: string;
  /** Unsaved changes: publishing puts the last saved version on sale. */
  dirty: boolean;
  onPublished: (published: boolean) => void;
}) {
  const t = useTranslations("festivalEditor");
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <span className="rounded-full bg-stone-200 px-2 py-0.5" data-testid="festival-status">
        {t(`status.${status}`)}
      </span>
      <PublishToggle id={id} published={status === "PUBLISHED"} onChange={onPublished} />
      {dirty ? <span className="text-amber-800">{t("publishHint")}</span> : null}
      {status === "PUBLISHED" ? (
        <Link href={`/festivals/${slug}`} className="text-brand-700 underline">
          {t("viewPublic")}
        </Link>
      ) : null}
    </div>
  );
}
