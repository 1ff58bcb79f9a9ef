"use client";
import { useTranslations } from "next-intl";
import { PublishToggle as Toggle } from "@/components/ui/publish-toggle";
import { publishRouteAction, unpublishRouteAction } from "../../actions";

/** Publish or withdraw a route; the public pages update at once. */
export function PublishToggle({ id, published }: { id: string; published: boolean }) {
  const t = useTranslations("adminRoutes");
  return (
    <Toggle
      id={id}
      published={published}
      publish={publishRouteAction}
      unpublish={unpublishRouteAction}
      labels={{
        publish: t("publish"),
        unpublish: t("unpublish"),
        published: t("published"),
        unpublished: t("unpublished"),
      }}
    />
  );
}
