import "server-only";
import { log } from "@/lib/log";
import { sweepProviderTrades } from "./provider-trades";
import { reconcileDue } from "./reconcile";

const EVERY_MS = 30_000;
let started = false;

/** Starts the payment job (instrumentation.ts), once per process. */
export function startPaymentSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await sweepProviderTrades();
      // Yesterday's bills: a lookup per provider most ticks, the comparison once a day.
      await reconcileDue();
    } catch (error) {
      log().error({ err: error }, "the payment job failed; will retry");
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
}
