import type { ActionState } from "@/lib/action-state";

/** What an action answered, under its form: the error as an alert, success as a status. */
export function ActionFeedback({ state, success }: { state: ActionState<unknown>; success: string }) {
  if (state.status === "error")
    return (
      <p role="alert" className="text-berry-600 text-sm">
        {state.message}
      </p>
    );
  if (state.status === "success")
    return (
      <p role="status" className="text-brand-700 text-sm">
        {success}
      </p>
    );
  return null;
}
