"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { approveApplicationAction, rejectApplicationAction } from "../actions";

/** Approve, or reject with a reason the applicant will read. */
export function DecisionButtons({ id, name }: { id: string; name: string }) {
  const t = useTranslations("adminFarmers");
  const router = useRouter();
  const reasonId = useId();
  const [approved, approve, approving] = useActionState(approveApplicationAction, {
    status: "idle",
  } as ActionState<{ userId: string; name: string }>);
  const [rejected, reject, rejecting] = useActionState(rejectApplicationAction, {
    status: "idle",
  } as ActionState<{ id: string }>);
  useEffect(() => {
    if (approved.status === "success" || rejected.status === "success") router.refresh();
  }, [approved, rejected, router]);
  const busy = approving || rejecting;
  const reasonError = rejected.status === "error" ? rejected.fields.reason : undefined;

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-start gap-2">
        <form action={approve}>
          <input type="hidden" name="id" value={id} />
          <button
            type="submit"
            disabled={busy}
            className="rounded-lg bg-brand-600 px-3 py-2 text-sm text-white disabled:opacity-60"
            aria-label={t("approveName", { name })}
          >
            {approving ? t("approving") : t("approve")}
          </button>
        </form>
        <form action={reject} className="flex min-w-64 flex-1 flex-wrap gap-2" noValidate>
          <input type="hidden" name="id" value={id} />
          <label htmlFor={reasonId} className="sr-only">
            {t("reason")}
          </label>
          <input
            id={reasonId}
            name="reason"
            maxLength={300}
            required
            placeholder={t("reasonPlaceholder")}
            aria-invalid={reasonError ? true : undefined}
            className="min-w-40 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm aria-[invalid]:border-berry-600"
          />
          <button
            type="submit"
            disabled={busy}
            className="rounded-lg border border-berry-600 px-3 py-2 text-berry-600 text-sm disabled:opacity-60"
            aria-label={t("rejectName", { name })}
          >
            {rejecting ? t("rejecting") : t("reject")}
          </button>
        </form>
      </div>
      {approved.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {approved.message}
        </p>
      ) : null}
      {rejected.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {reasonError ?? rejected.message}
        </p>
      ) : null}
    </div>
  );
}
