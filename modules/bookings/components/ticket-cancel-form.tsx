import { useTranslations } from "next-intl";
import { formatTicketCode } from "@/lib/ticket-code";
import type { cancelBookingAction } from "../actions";
import { ActionFeedback } from "./action-feedback";

export type Ticket = {
  id: string;
  code: string;
  name: string;
  session: string;
  status: "VALID" | "CANCELLED" | "REFUNDED";
  price: string;
  checkedInAt: string | null;
};

/** The cancel action's answer and its dispatch, shared by the ticket form and the pending order's. */
export type CancelForm = {
  state: Awaited<ReturnType<typeof cancelBookingAction>>;
  submit: (data: FormData) => void;
  pending: boolean;
};

const isOpen = (ticket: Ticket) => ticket.status === "VALID" && !ticket.checkedInAt;

/** The order's tickets with their state; the open ones can be chosen and refunded, or all at once. */
export function TicketCancelForm({
  orderId,
  tickets,
  chosen,
  onChoose,
  cancel,
}: {
  orderId: string;
  tickets: Ticket[];
  chosen: ReadonlySet<string>;
  onChoose: (ticketId: string, chosen: boolean) => void;
  cancel: CancelForm;
}) {
  const t = useTranslations("bookings");
  const done =
    cancel.state.status === "success"
      ? cancel.state.data.refundPending
        ? t("cancelledRefundPending")
        : t("cancelledDone", { count: cancel.state.data.tickets })
      : "";
  return (
    <section>
      <h2 className="mb-2 font-semibold text-lg">{t("tickets")}</h2>
      <form action={cancel.submit} className="space-y-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="tickets" value={[...chosen].join(",")} />
        <ul className="divide-y divide-stone-100 rounded-xl bg-white text-sm shadow-sm">
          {tickets.map((ticket) => (
            <li key={ticket.id} className="flex items-center gap-3 p-3" data-ticket={ticket.code}>
              <input
                type="checkbox"
                aria-label={t("chooseTicket", { code: formatTicketCode(ticket.code) })}
                disabled={!isOpen(ticket)}
                checked={chosen.has(ticket.id)}
                onChange={(e) => onChoose(ticket.id, e.target.checked)}
                className="h-5 w-5"
              />
              <span className="flex-1">
                <span className="block font-mono">{formatTicketCode(ticket.code)}</span>
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
          ))}
        </ul>
        {tickets.some(isOpen) ? (
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
              disabled={cancel.pending || chosen.size === 0}
              className="rounded-lg border border-berry-600 px-3 py-2 text-berry-600 text-sm disabled:opacity-50"
            >
              {t("refundChosen", { count: chosen.size })}
            </button>
            <button
              type="submit"
              disabled={cancel.pending}
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
        <ActionFeedback state={cancel.state} success={done} />
      </form>
    </section>
  );
}

/** An unpaid order has no tickets yet: it is cancelled whole. */
export function PendingCancelForm({ orderId, cancel }: { orderId: string; cancel: CancelForm }) {
  const t = useTranslations("bookings");
  return (
    <form action={cancel.submit}>
      <input type="hidden" name="orderId" value={orderId} />
      <input type="hidden" name="scope" value="all" />
      <button
        type="submit"
        disabled={cancel.pending}
        className="rounded-lg border border-berry-600 px-3 py-2 text-berry-600 text-sm"
      >
        {t("cancelPending")}
      </button>
      <ActionFeedback state={cancel.state} success={t("cancelledPending")} />
    </form>
  );
}
