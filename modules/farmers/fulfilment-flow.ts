// How a farmer's order line moves once paid. Pickups (at the workshop or a
// festival gate): paid → packed → ready → collected. Courier: paid → packed →
// shipped, with a tracking number. Packing may be skipped (a portion handed over
// as it is); nothing moves backwards, and nothing moves before payment.

export type LineMethod = "WORKSHOP_PICKUP" | "FESTIVAL_PICKUP" | "DELIVERY";
export type LineStatus = "AWAITING_PAYMENT" | "PAID" | "PACKED" | "SHIPPED" | "READY" | "COLLECTED" | "CANCELLED";
export type LineStep = "PACKED" | "SHIPPED" | "READY" | "COLLECTED";

const PICKUP: Partial<Record<LineStatus, LineStep[]>> = {
  PAID: ["PACKED", "READY"],
  PACKED: ["READY"],
  READY: ["COLLECTED"],
};
const COURIER: Partial<Record<LineStatus, LineStep[]>> = {
  PAID: ["PACKED", "SHIPPED"],
  PACKED: ["SHIPPED"],
};

/** The states a line may move to next, in the order a farmer works through them. */
export function nextSteps(method: LineMethod, status: LineStatus): LineStep[] {
  return (method === "DELIVERY" ? COURIER : PICKUP)[status] ?? [];
}

export function canMove(method: LineMethod, from: LineStatus, to: LineStep): boolean {
  return nextSteps(method, from).includes(to);
}

/** Tracking numbers as couriers print them: letters, digits and dashes. */
export const TRACKING_PATTERN = /^[A-Za-z0-9-]{6,40}$/;
