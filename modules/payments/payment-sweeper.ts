import "server-only";
import { repeatEvery } from "@/lib/repeat";
import { sweepProviderTrades } from "./provider-trades";
import { reconcileDue } from "./reconcile";

/**
 * The payment job, every 30 s on every instance: provider orders asked about before their
 * hold ends and closed after; then yesterday's bills (a lookup per provider most ticks,
 * the comparison once a day, claimed by one instance).
 */
export function startPaymentSweeper(): void {
  repeatEvery("the payment job", 30_000, async () => {
    await sweepProviderTrades();
    await reconcileDue();
  });
}
