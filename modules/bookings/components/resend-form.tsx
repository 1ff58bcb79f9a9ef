import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendConfirmationAction } from "../actions";
import { ActionFeedback } from "./action-feedback";

/** Sends the buyer's confirmation (with the tickets) again; with no SMTP server it is kept in the outbox. */
export function ResendForm({ orderId }: { orderId: string }) {
  const t = useTranslations("bookings");
  const [state, resend, resending] = useActionState(resendConfirmationAction, { status: "idle" });
  return (
    <form action={resend} className="flex items-center gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      <button
        type="submit"
        disabled={resending}
        className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
      >
        {t("resend")}
      </button>
      <ActionFeedback
        state={state}
        success={state.status === "success" && state.data.status === "sent" ? t("resent") : t("resentKept")}
      />
    </form>
  );
}
