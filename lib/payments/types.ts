// What every payment provider offers (lib/payments/provider.ts picks one).

export type CheckoutOrder = {
  id: string;
  code: string;
  totalCents: number;
  currency: string;
  customerEmail: string;
  locale: string;
  expiresAt: Date;
  items: { name: string; quantity: number; unitPriceCents: number }[];
};

export type CheckoutStart =
  /** Send the buyer to the provider's hosted page. */
  | { kind: "redirect"; url: string }
  /** The demo provider: the buyer pays on the order page itself. */
  | { kind: "inline" };

export type RefundRequest = {
  payment: { id: string; provider: "STRIPE" | "DEMO"; providerRef: string | null; paymentIntentId: string | null };
  amountCents: number;
  /** Stable per refund, so a retried request never refunds twice. */
  idempotencyKey: string;
  reason: string;
};

export interface PaymentProvider {
  readonly name: "STRIPE" | "DEMO";
  /** Starts paying for a pending order; safe to call again for the same order. */
  startCheckout(order: CheckoutOrder, urls: { successUrl: string; cancelUrl: string }): Promise<CheckoutStart>;
  /** Gives money back; returns the provider's refund id. */
  refund(request: RefundRequest): Promise<{ providerRef: string }>;
  /**
   * Only the demo provider: the buyer "pays" on the order page itself. A real
   * provider confirms payments by its own signed messages, never by a request
   * from the buyer's browser.
   */
  readonly paysInline: boolean;
}
