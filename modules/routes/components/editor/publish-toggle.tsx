"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/modules/auth/guards";
import { publishRouteAction, unpublishRouteAction } from "../../actions";

type State = ActionState<{ slug: string }>;

/** Publish or withdraw a route; the public pages update at once. */
export function PublishToggle({ id, published }: { id: string; published: boolean }) {
  const t = useTranslations("adminRoutes");
  const [state, action, pending] = useActionState<State, FormData>(
    published ? unpublishRouteAction : publishRouteAction,
    { status: "idle" },
  );
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-lg px-3 py-1.5 text-sm ${published ? "border border-stone-300 bg-white" : "bg-brand-600 text-white"}`}
      >
        {published ? t("unpublish") : t("publish")}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600 text-sm">
          {state.message}
        </span>
      ) : null}
      {state.status === "success" ? (
        <span role="status" className="text-brand-700 text-sm">
          {published ? t("published") : t("unpublished")}
        </span>
      ) : null}
    </form>
  );
}
