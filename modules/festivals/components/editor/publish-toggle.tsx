"use client";
import { useTranslations } from "next-intl";
import { PublishToggle as Toggle } from "@/components/ui/publish-toggle";
import { publishFestivalAction, unpublishFestivalAction } from "../../actions";

/** Put the saved festival on sale or take it back to a draft; the public pages update at once. */
export function PublishToggle(props: { id: string; published: boolean; onChange: (published: boolean) => void }) {
  const t = useTranslations("festivalEditor");
  return (
    <Toggle
      {...props}
      publish={publishFestivalAction}
      unpublish={unpublishFestivalAction}
      labels={{
        publish: t("publish"),
        unpublish: t("unpublish"),
        published: t("published"),
        unpublished: t("unpublished"),
      }}
    />
  );
}
