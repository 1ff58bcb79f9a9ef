"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { setWaitlistClosedAction } from "../actions";

/** Closes or reopens one session's waiting list. */
export function WaitlistToggle({ sessionId, closed }: { sessionId: string; closed: boolean }) {
  const t = useTranslations("waitlist.organiser");
  const router = useRouter();
  const [state, act, pending] = useActionState(setWaitlistClosedAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  return (
    <form action={act} className="flex items-center gap-2">
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="closed" value={closed ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        className="rounded-lg border border-brand-600 px-3 py-1.5 text-brand-700 text-sm disabled:opacity-50"
      >
        {closed ? t("reopen") : t("close")}
      </button>
      {state.status === "error" ? (
        <span role="alert" className="text-berry-600 text-sm">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
