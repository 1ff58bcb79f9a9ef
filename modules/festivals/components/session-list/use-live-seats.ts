"use client";
import { useRefreshed } from "@/lib/use-refreshed";

const REFRESH_MS = 15_000;

type LiveSeats = { remaining: Map<string, number>; now: Date };

async function loadSeats(slug: string): Promise<LiveSeats> {
  const res = await fetch(`/api/festivals/${slug}/availability`, { cache: "no-store" });
  const body = (await res.json()) as { sessions: { id: string; remaining: number }[] };
  // The page is cached, so "now" is the browser's, read once the seats arrive.
  return { remaining: new Map(body.sessions.map((s) => [s.id, s.remaining])), now: new Date() };
}

/**
 * The seats left per session, fetched now and every 15 s (the page itself is served from
 * cache), and the browser's "now", read once the seats arrive; both null until then.
 */
export function useLiveSeats(slug: string): { remaining: Map<string, number> | null; now: Date | null } {
  const seats = useRefreshed(slug, loadSeats, REFRESH_MS);
  return { remaining: seats?.remaining ?? null, now: seats?.now ?? null };
}
