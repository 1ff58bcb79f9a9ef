"use client";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/action-state";

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * Publish or withdraw something (a route, a festival) with its own pair of server
 * actions; says what happened, or why not.
 */
export function PublishToggle<T>(props: {
  id: string;
  published: boolean;
  publish: Action<T>;
  unpublish: Action<T>;
  labels: { publish: string; unpublish: string; published: string; unpublished: string };
  onChange?: (published: boolean) => void;
}) {
  const { labels } = props;
  // Kept here too, so a list of toggles works without the page reloading.
  const [published, setPublished] = useState(props.published);
  const [state, action, pending] = useActionState<ActionState<T>, FormData>(
    async (previous, formData) => {
      const result = await (published ? props.unpublish : props.publish)(previous, formData);
      if (result.status === "success") {
        setPublished(!published);
        props.onChange?.(!published);
      }
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
        className={`rounded-lg px-3 py-1.5 text-sm ${published ? "border border-stone-300 bg-white" : "bg-brand-600 text-white"}`}
      >
        {published ? labels.unpublish : labels.publish}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600 text-sm">
          {state.message}
        </span>
      ) : null}
      {state.status === "success" ? (
        <span role="status" className="text-brand-700 text-sm">
          {published ? labels.published : labels.unpublished}
        </span>
      ) : null}
    </form>
  );
}
