"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import type { ActionState } from "@/modules/auth/guards";
import { cancelBookingAction, resendConfirmationAction, retryRefundAction } from "../actions";

type Ticket = {
  id: string;
  code: string;
  name: string;
  session: string;
  status: "VALID" | "CANCELLED" | "REFUNDED";
  price: string;
  checkedInAt: string | null;
};

type Refund = { id: string; amount: string; createdAt: string; confirmed: boolean };

function Feedback({ state, success }: { state: ActionState<unknown>; success: string }) {
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

/** Tickets with their state, and the organiser's actions: cancel and refund (all or some), resend, retry a refund. */
export function BookingActions({
  orderId,
  tickets,
  refunds,
  canResend,
  canCancelPending,
}: {
  orderId: string;
  tickets: Ticket[];
  refunds: Refund[];
  canResend: boolean;
  canCancelPending: boolean;
}) {
  const t = useTranslations("bookings");
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [cancelState, cancel, cancelling] = useActionState(cancelBookingAction, { status: "idle" });
  const [resendState, resend, resending] = useActionState(resendConfirmationAction, { status: "idle" });
  const [retryState, retry, retrying] = useActionState(retryRefundAction, { status: "idle" });
  useEffect(() => {
    if (cancelState.status === "success" || retryState.status === "success") {
      setChosen(new Set());
      router.refresh();
    }
  }, [cancelState, retryState, router]);

  const open = tickets.filter((ticket) => ticket.status === "VALID" && !ticket.checkedInAt);
  const cancelled =
    cancelState.status === "success"
      ? cancelState.data.refundPending
        ? t("cancelledRefundPending")
        : t("cancelledDone", { count: cancelState.data.tickets })
      : "";

  return (
    <>
      {tickets.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("tickets")}</h2>
          <form action={cancel} className="space-y-3">
            <input type="hidden" name="orderId" value={orderId} />
            <input type="hidden" name="tickets" value={[...chosen].join(",")} />
            <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
              {tickets.map((ticket) => {
                const selectable = ticket.status === "VALID" && !ticket.checkedInAt;
                return (
                  <li key={ticket.id} className="flex items-center gap-3 p-3" data-ticket={ticket.code}>
                    <input
                      type="checkbox"
                      aria-label={t("chooseTicket", { code: ticket.code })}
                      disabled={!selectable}
                      checked={chosen.has(ticket.id)}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(ticket.id);
                        else next.delete(ticket.id);
                        setChosen(next);
                      }}
                      className="h-5 w-5"
                    />
                    <span className="flex-1">
                      <span className="block font-mono">{ticket.code}</span>
                      <span className="block text-stone-600">
                        {ticket.name} · {ticket.session} · {ticket.price}
                      </span>
                    </span>
                    <span data-testid="ticket-state">
                      {ticket.checkedInAt
                        ? t("checkedInAt", { time: ticket.checkedInAt })
                        : t(`ticketStatus.${ticket.status.toLowerCase() as "valid"}`)}
                    </span>
                  </li>
                );
              })}
            </ul>
            {open.length > 0 ? (
              <div className="flex flex-wrap items-center gap-2">
                <input
                  name="reason"
                  maxLength={200}
                  placeholder={t("reasonPlaceholder")}
                  aria-label={t("reason")}
                  className="min-w-48 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm"
                />
                <button
                  type="submit"
                  name="scope"
                  value="chosen"
                  disabled={cancelling || chosen.size === 0}
                  className="rounded-lg border border-berry-600 px-3 py-2 text-berry-600 text-sm disabled:opacity-50"
                >
                  {t("refundChosen", { count: chosen.size })}
                </button>
                <button
                  type="submit"
                  disabled={cancelling}
                  onClick={(e) => {
                    if (!window.confirm(t("confirmRefundAll"))) e.preventDefault();
                  }}
                  name="scope"
                  value="all"
                  className="rounded-lg bg-berry-600 px-3 py-2 text-sm text-white disabled:opacity-50"
                >
                  {t("refundAll")}
                </button>
              </div>
            ) : null}
            <Feedback state={cancelState} success={cancelled} />
          </form>
        </section>
      ) : null}
      {canCancelPending ? (
        <form action={cancel}>
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="scope" value="all" />
          <button
            type="submit"
            disabled={cancelling}
            className="rounded-lg border border-berry-600 px-3 py-2 text-berry-600 text-sm"
          >
            {t("cancelPending")}
          </button>
          <Feedback state={cancelState} success={t("cancelledPending")} />
        </form>
      ) : null}
      {refunds.length > 0 ? (
        <section>
          <h2 className="mb-2 font-semibold text-lg">{t("refunds")}</h2>
          <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
            {refunds.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <span>
                  {r.amount} · {r.createdAt} · {r.confirmed ? t("refundConfirmed") : t("refundPending")}
                </span>
                {r.confirmed ? null : (
                  <form action={retry}>
                    <input type="hidden" name="orderId" value={orderId} />
                    <input type="hidden" name="refundId" value={r.id} />
                    <button type="submit" disabled={retrying} className="text-brand-700 underline">
                      {t("retryRefund")}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <Feedback state={retryState} success={t("refundConfirmed")} />
        </section>
      ) : null}
      {canResend ? (
        <form action={resend} className="flex items-center gap-3">
          <input type="hidden" name="orderId" value={orderId} />
          <button
            type="submit"
            disabled={resending}
            className="rounded-lg border border-brand-600 px-3 py-2 text-brand-700 text-sm"
          >
            {t("resend")}
          </button>
          <Feedback
            state={resendState}
            success={
              resendState.status === "success" && resendState.data.status === "sent" ? t("resent") : t("resentKept")
            }
          />
        </form>
      ) : null}
    </>
  );
}
