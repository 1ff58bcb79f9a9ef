import { repeatEvery } from "@/lib/repeat";
import { releaseExpiredHolds } from "./release-expired-holds";

/** Every 30 s, on every instance: holds whose time is up give their seats and stock back. */
export function startHoldSweeper(): void {
  repeatEvery("releasing expired holds", 30_000, () => releaseExpiredHolds());
}
