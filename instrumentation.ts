// Runs once when the server starts. Unpaid orders must give their seats back on
// time even when nobody is buying: a timer in the server process does it, so no
// cron job or manual step is needed.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHoldSweeper } = await import("@/modules/inventory/hold-sweeper");
  startHoldSweeper();
  // Texts that waited out quiet hours, and the evening-before reminders: also on a timer.
  const { startTextSweeper } = await import("@/modules/orders/texts/text-sweeper");
  startTextSweeper();
  // WeChat Pay and Alipay orders: asked about before their hold ends, closed once it has;
  // and yesterday's bills compared with our records, once a day across instances.
  const { startPaymentSweeper } = await import("@/modules/payments/payment-sweeper");
  startPaymentSweeper();
}
