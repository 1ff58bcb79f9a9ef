import { SHANGHAI_OFFSET_MS } from "@/lib/dates";
import type { TextKind } from "./settings";

// No text wakes anyone: between 21:00 and 08:00 in Suoqian (Asia/Shanghai) a text waits
// until 08:00. A verification code never waits: the person asked for it a moment ago.

/** Quiet hours start at this hour (Suoqian time)… */
export const QUIET_FROM_HOUR = 21;
/** …and end at this one, the next morning. */
export const QUIET_UNTIL_HOUR = 8;

/**
 * When a text of this kind written at `now` may go out: null when it may go now, else the
 * next 08:00 in Suoqian (the same morning after midnight, the next morning after 21:00).
 */
export function quietHoursEnd(now: Date, kind: TextKind): Date | null {
  if (kind === "code") return null;
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const hour = local.getUTCHours();
  if (hour >= QUIET_UNTIL_HOUR && hour < QUIET_FROM_HOUR) return null;
  const morning = Date.UTC(
    local.getUTCFullYear(),
    local.getUTCMonth(),
    local.getUTCDate() + (hour >= QUIET_FROM_HOUR ? 1 : 0),
    QUIET_UNTIL_HOUR,
  );
  return new Date(morning - SHANGHAI_OFFSET_MS);
}
