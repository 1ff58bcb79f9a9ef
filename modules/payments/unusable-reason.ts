export type UnusableReason = "sold_out" | "cancelled" | "amount_mismatch" | "duplicate";

type PaymentState = { amountCents: number; currency: string; status: string };
type OrderState = { status: string; totalCents: number; currency: string; paidAt: Date | null };

/**
 * Why money that arrived cannot pay for its order, read from the state
 * `markOrderPaid` left: an order still expired means its seats were sold again;
 * one cancelled before it was paid takes no money; a pending one was paid the
 * wrong amount; a second payment of an order already paid (the visitor paid by QR code
 * and again on the phone) is a duplicate. Money that paid an order stays, even once the
 * order is cancelled later: refunding it is the organiser's call, never a replayed event's.
 */
export function unusableReason(payment: PaymentState, order: OrderState, paidByAnother = false): UnusableReason | null {
  if (payment.status !== "SUCCEEDED" && payment.status !== "PARTIALLY_REFUNDED") return null;
  if (paidByAnother && order.status !== "PENDING" && order.status !== "EXPIRED") return "duplicate";
  switch (order.status) {
    case "EXPIRED":
      return "sold_out";
    case "CANCELLED":
    case "REFUNDED":
      return order.paidAt ? null : "cancelled";
    case "PENDING":
      return payment.amountCents !== order.totalCents || payment.currency !== order.currency ? "amount_mismatch" : null;
    default:
      return null;
  }
}
