import { log } from "@/lib/log";
import { releaseExpiredHolds } from "./release-expired-holds";

const EVERY_MS = 30_000;
let started = false;

export function startHoldSweeper(): void {
  if (started) return;
  started = true;
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await releaseExpiredHolds();
    } catch (error) {
      log().error({ err: error }, "releasing expired holds failed; will retry");
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
}
