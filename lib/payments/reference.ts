import type { ProviderName } from "./types";

type PaymentLike = {
  provider: ProviderName;
  transactionId: string | null;
  paymentIntentId: string | null;
  providerRef: string | null;
};

/** Select the fields `paymentReference` reads, the order's first payment (the one that paid it). */
export const payingPaymentSelect = {
  orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
  take: 1,
  select: {
    provider: true as const,
    transactionId: true as const,
    paymentIntentId: true as const,
    providerRef: true as const,
  },
};

/**
 * Which provider took an order's money and its own number for it, as the provider's
 * merchant portal and bill show it: WeChat Pay's transaction_id, Alipay's trade_no,
 * Stripe's payment intent (or, before it is known, the Checkout Session).
 */
export function paymentReference(payments: PaymentLike[]): { provider: ProviderName; reference: string } | null {
  const first = payments[0];
  if (!first) return null;
  return {
    provider: first.provider,
    reference: first.transactionId ?? first.paymentIntentId ?? first.providerRef ?? "",
  };
}
