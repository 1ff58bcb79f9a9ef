import { releaseExpiredHolds } from "./expire-holds";

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
      console.error("Releasing expired holds failed; will retry.", error);
    } finally {
      running = false;
    }
  }, EVERY_MS);
  timer.unref();
}
