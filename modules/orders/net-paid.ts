/**
 * What the buyer has paid once refunds are taken off: the order's total, the refunds
 * recorded against it (sent, on their way, or back already: each one is money the
 * buyer gets back), and the difference. Never below zero.
 */
export function netPaid(
  totalCents: number,
  refunds: readonly { amountCents: number }[],
): { refundedCents: number; netCents: number } {
  const refundedCents = refunds.reduce((sum, r) => sum + Math.max(0, r.amountCents), 0);
  return { refundedCents, netCents: Math.max(0, totalCents - refundedCents) };
}
