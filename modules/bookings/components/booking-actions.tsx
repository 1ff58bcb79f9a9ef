"use client";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { cancelBookingAction, retryRefundAction } from "../actions";
import { type Refund, RefundList } from "./refund-list";
import { ResendForm } from "./resend-form";
import { PendingCancelForm, type Ticket, TicketCancelForm } from "./ticket-cancel-form";

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
  const router = useRouter();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  // One cancel action for both forms: the ticket form's and the pending order's answer alike.
  const [cancelState, cancel, cancelling] = useActionState(cancelBookingAction, { status: "idle" });
  const [retryState, retry, retrying] = useActionState(retryRefundAction, { status: "idle" });
  useEffect(() => {
    if (cancelState.status === "success" || retryState.status === "success") {
      setChosen(new Set());
      router.refresh();
    }
  }, [cancelState, retryState, router]);

  const cancelForm = { state: cancelState, submit: cancel, pending: cancelling };
  const choose = (ticketId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(ticketId);
    else next.delete(ticketId);
    setChosen(next);
  };
  return (
    <>
      {tickets.length > 0 ? (
        <TicketCancelForm orderId={orderId} tickets={tickets} chosen={chosen} onChoose={choose} cancel={cancelForm} />
      ) : null}
      {canCancelPending ? <PendingCancelForm orderId={orderId} cancel={cancelForm} /> : null}
      {refunds.length > 0 ? (
        <RefundList
          orderId={orderId}
          refunds={refunds}
          retry={{ state: retryState, submit: retry, pending: retrying }}
        />
      ) : null}
      {canResend ? <ResendForm orderId={orderId} /> : null}
    </>
  );
}
