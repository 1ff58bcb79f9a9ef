"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Link } from "@/lib/i18n/navigation";
import { publishProductAction, unpublishProductAction } from "../actions";

type Outcome = Awaited<ReturnType<typeof publishProductAction>>;

/**
 * A product's state and the action on it, kept apart: a badge says whether it is
 * listed (已上架 / 未上架); a button lists or withdraws it. The page link opens the
 * public page of a listed product, and the farmer's own preview of an unlisted one.
 */
export function ProductPublish({ id, slug, published: initial }: { id: string; slug: string; published: boolean }) {
  const t = useTranslations("farmerProducts");
  const [published, setPublished] = useState(initial);
  const [shown, setShown] = useState(initial);
  // A newer state from the server (the page refreshed after a save) wins.
  if (initial !== shown) {
    setShown(initial);
    setPublished(initial);
  }
  const [state, action, pending] = useActionState<Outcome, FormData>(
    async (previous, formData) => {
      const result = await (published ? unpublishProductAction : publishProductAction)(previous, formData);
      if (result.status === "success") setPublished(!published);
      return result;
    },
    { status: "idle" },
  );
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="product-publish">
      <span className="text-sm text-stone-600">{t("state")}</span>
      <span
        className={`rounded-full px-2.5 py-0.5 font-medium text-sm ring-1 ring-inset ${published ? "bg-brand-50 text-brand-700 ring-brand-600/30" : "bg-stone-100 text-stone-700 ring-stone-400/40"}`}
        data-testid="product-state"
      >
        {published ? t("published") : t("draft")}
      </span>
      <form action={action}>
        <input type="hidden" name="id" value={id} />
        <button
          type="submit"
          disabled={pending}
          className="rounded-lg border border-stone-400 bg-white px-3 py-1.5 font-medium text-sm shadow-sm hover:bg-stone-50 disabled:opacity-60"
        >
          {published ? t("unpublish") : t("publish")}
        </button>
      </form>
      {published ? (
        <Link href={`/shop/products/${slug}`} className="text-brand-700 text-sm underline">
          {t("view")}
        </Link>
      ) : (
        <Link href={`/farmer/products/${id}/preview`} className="text-brand-700 text-sm underline">
          {t("preview")}
        </Link>
      )}
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600 text-sm">
          {state.message}
        </span>
      ) : null}
      {state.status === "success" ? (
        <span role="status" className="text-brand-700 text-sm">
          {published ? t("publishedNow") : t("unpublishedNow")}
        </span>
      ) : null}
    </div>
  );
}
