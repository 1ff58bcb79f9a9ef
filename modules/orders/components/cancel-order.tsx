"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { formatTicketCode } from "@/lib/ticket-code";
import { cancelOwnOrderAction } from "../actions";

type Ticket = { id: string; code: string; label: string };

/**
 * The buyer's own cancellation, last on the order page: nothing is ticked until the
 * buyer ticks the tickets to cancel (one tap must never cancel a whole family's
 * tickets). A pending order is simply cancelled (its seats are released).
 */
export function CancelOrder({
  orderId,
  token,
  tickets,
  deadline,
  pending,
}: {
  orderId: string;
  token: string;
  tickets: Ticket[];
  deadline: string | null;
  pending: boolean;
}) {
  const t = useTranslations("order");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [state, action, busy] = useActionState(cancelOwnOrderAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);

  const chosen = tickets.filter((ticket) => picked.has(ticket.id));
  const all = chosen.length === tickets.length;
  if (state.status === "success") {
    return (
      <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900" data-testid="cancel-done">
        {state.data.status === "CANCELLED"
          ? t("cancelledPending")
          : state.data.refundPending
            ? t("cancelledRefundPending")
            : t("cancelledRefunded", { count: state.data.tickets })}
      </p>
    );
  }
  // Nothing (left) to cancel. The order page keeps this component in its tree all the same,
  // so the confirmation above survives the refresh that follows a cancellation.
  if (!pending && tickets.length === 0) return null;
  if (!open) {
    return (
      <div className="no-print space-y-1">
        <button
          type="button"
          onClick={() => setOpen(true)}
          className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm text-stone-700"
        >
          {pending ? t("cancelPending") : t("cancelTickets")}
        </button>
        {deadline ? <p className="text-sm text-stone-500">{t("cancelDeadline", { time: deadline })}</p> : null}
      </div>
    );
  }
  return (
    <form action={action} className="no-print space-y-3 rounded-xl border border-stone-300 bg-white p-4">
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="scope" value={pending || all ? "all" : "chosen"} />
      <input type="hidden" name="tickets" value={chosen.map((x) => x.id).join(",")} />
      {pending ? (
        <p>{t("cancelPendingBody")}</p>
      ) : (
        <fieldset className="space-y-2">
          <legend className="mb-1 font-medium">{t("cancelWhich")}</legend>
          {tickets.map((ticket) => (
            <label key={ticket.id} className="flex min-h-11 items-center gap-3 text-sm">
              <input
                type="checkbox"
                className="h-6 w-6 shrink-0"
                checked={picked.has(ticket.id)}
                onChange={(e) => {
                  const next = new Set(picked);
                  if (e.target.checked) next.add(ticket.id);
                  else next.delete(ticket.id);
                  setPicked(next);
                }}
              />
              <span className="font-mono">{formatTicketCode(ticket.code)}</span> {ticket.label}
            </label>
          ))}
          <p className="text-sm text-stone-600">{t("refundNote")}</p>
        </fieldset>
      )}
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={busy || (!pending && chosen.length === 0)}
          className="min-h-11 rounded-lg bg-berry-600 px-4 py-2 text-white disabled:opacity-50"
        >
          {pending ? t("cancelPendingConfirm") : t("cancelConfirm", { count: chosen.length })}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="min-h-11 rounded-lg border border-stone-300 px-4 py-2"
        >
          {t("keep")}
        </button>
      </div>
    </form>
  );
}
