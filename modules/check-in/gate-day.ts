import { shanghaiDateKey, shanghaiDay } from "@/lib/dates";

/** The Suoqian calendar day around an instant, as [start, end). The gate's "all of today". */
export function gateDay(now: Date): { start: Date; end: Date } {
  return shanghaiDay(shanghaiDateKey(now));
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

/** A gate opens this long before its session starts: the queue forms early. */
export const GATE_OPENS_BEFORE_MS = 60 * 60 * 1000;

/** Whether a session's gate is open now: from an hour before it starts until it ends. */
export function underWay(s: Session, now: Date): boolean {
  return s.startsAt.getTime() - GATE_OPENS_BEFORE_MS <= now.getTime() && now < s.endsAt;
}

/**
 * What the gate page shows for the festival (by slug) and session in its URL: the
 * asked-for ones when they exist; else the one festival with a session under way now, and
 * that session; else an organiser's only festival and its next session. When several
 * festivals have a session under way, or none does and there are several, `festival` is null:
 * the page asks rather than open a gate that would turn the wrong festival's tickets away.
 * `sessionId: null` means all of today. Null when the organiser runs no festival.
 */
export function chooseGate<F extends { slug: string; sessions: readonly Session[] }>(
  festivals: readonly F[],
  asked: { festival?: string; session?: string },
  now: Date,
): { festival: F | null; sessionId: string | null } | null {
  if (festivals.length === 0) return null;
  const running = festivals.filter((f) => f.sessions.some((s) => underWay(s, now)));
  const festival =
    festivals.find((f) => f.slug === asked.festival) ??
    (running.length === 1 ? running[0] : running.length === 0 && festivals.length === 1 ? festivals[0] : null) ??
    null;
  if (!festival) return { festival: null, sessionId: null };
  if (asked.session === "today") return { festival, sessionId: null };
  const askedSession = festival.sessions.find((s) => s.id === asked.session);
  return { festival, sessionId: askedSession?.id ?? defaultSession(festival.sessions, now)?.id ?? null };
}
