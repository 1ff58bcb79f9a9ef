import type { ActionState } from "@/lib/action-state";

export type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/** One refund as the back office lists it: what went back, why, and whether the provider confirmed it. */
export type LineRefundEntry = { id: string; text: string; reason: string; note: string | null; confirmed: boolean };

/** A product line as the refund form needs it: what is left, and how it is priced. */
export type RefundableLineView = {
  itemId: string;
  unit: string;
  unitPrice: string;
  unitsLeft: number;
  centsLeft: number;
  currency: string;
  /** The delivery fee, formatted, when the line carries one. */
  deliveryFee: string | null;
  refunds: LineRefundEntry[];
};
