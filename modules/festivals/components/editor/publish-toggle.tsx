"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/modules/auth/guards";
import { publishFestivalAction, unpublishFestivalAction } from "../../actions";

type State = ActionState<{ slug: string }>;

/** Put the saved festival on sale or take it back to a draft; the public pages update at once. */
export function PublishToggle(props: { id: string; published: boolean; onChange: (published: boolean) => void }) {
  const t = useTranslations("festivalEditor");
  const [state, action, pending] = useActionState<State, FormData>(
    async (previous, formData) => {
      const result = await (props.published ? unpublishFestivalAction : publishFestivalAction)(previous, formData);
      if (result.status === "success") props.onChange(!props.published);
      return result;
    },
    { status: "idle" },
  );
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={props.id} />
      <button
        type="submit"
        disabled={pending}
        className={`rounded-lg px-3 py-1.5 text-sm ${props.published ? "border border-stone-300 bg-white" : "bg-brand-600 text-white"}`}
      >
        {props.published ? t("unpublish") : t("publish")}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600 text-sm">
          {state.message}
        </span>
      ) : null}
      {state.status === "success" ? (
        <span role="status" className="text-brand-700 text-sm">
          {props.published ? t("published") : t("unpublished")}
        </span>
      ) : null}
    </form>
  );
}
