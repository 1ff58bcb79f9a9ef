import { addDays, shanghaiDateParts, shanghaiTime } from "@/lib/dates";

/** The Suoqian calendar day around an instant, as [start, end). The gate's "all of today". */
export function gateDay(now: Date): { start: Date; end: Date } {
  const { year, month, day } = shanghaiDateParts(now);
  const start = shanghaiTime(year, month, day);
  return { start, end: addDays(start, 1) };
}

type Session = { id: string; startsAt: Date; endsAt: Date };

/** The session a gate opens on by default: the one under way, else the next one; null when none is left. */
export function defaultSession<S extends Session>(sessions: readonly S[], now: Date): S | null {
  let best: S | null = null;
  for (const s of sessions) {
    if (s.endsAt <= now) continue;
    if (!best || s.startsAt < best.startsAt) best = s;
  }
  return best;
}

/**
 * What the gate page shows for the festival (by slug) and session in its URL: the
 * asked-for ones when they exist, else the organiser's festival with a session under way or
 * next, and its current or next session. `sessionId: null` means all of today.
 */
export function chooseGate<F extends { slug: string; sessions: readonly Session[] }>(
  festivals: readonly F[],
  asked: { festival?: string; session?: string },
  now: Date,
): { festival: F; sessionId: string | null } | null {
  const upcoming = (f: F) => defaultSession(f.sessions, now)?.startsAt.getTime() ?? Number.POSITIVE_INFINITY;
  const soonest = festivals.reduce<F | null>((best, f) => (!best || upcoming(f) < upcoming(best) ? f : best), null);
  const festival = festivals.find((f) => f.slug === asked.festival) ?? soonest;
  if (!festival) return null;
  if (asked.session === "today") return { festival, sessionId: null };
  const askedSession = festival.sessions.find((s) => s.id === asked.session);
  return { festival, sessionId: askedSession?.id ?? defaultSession(festival.sessions, now)?.id ?? null };
}
