"use client";
import { useEffect, useState } from "react";
import type { Role } from "@/generated/prisma/sqlite/enums";

export const AUTH_CHANGED = "suoqian:auth-changed";

export type SessionSummary =
  | { status: "loading" }
  | { status: "anonymous" }
  | { status: "signed-in"; user: { id: string; name: string; email?: string | null; role: Role } };

/**
 * Who is signed in, for the header. Reads next-auth's session endpoint directly so
 * that every page need not ship next-auth's client; forms that sign in or out
 * announce it with the AUTH_CHANGED event.
 */
export function useSessionSummary(): SessionSummary {
  const [summary, setSummary] = useState<SessionSummary>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        const session = (await (await fetch("/api/auth/session", { cache: "no-store" })).json()) as {
          user?: { id: string; name: string; email?: string | null; role: Role };
        } | null;
        if (live) setSummary(session?.user ? { status: "signed-in", user: session.user } : { status: "anonymous" });
      } catch {
        if (live) setSummary({ status: "anonymous" });
      }
    };
    load();
    window.addEventListener(AUTH_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(AUTH_CHANGED, load);
    };
  }, []);
  return summary;
}

export function announceAuthChanged(): void {
  window.dispatchEvent(new Event(AUTH_CHANGED));
}
