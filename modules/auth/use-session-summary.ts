"use client";
import { useEffect, useState } from "react";
import type { Role } from "@/generated/prisma/sqlite/enums";
import { ROLES } from "./permissions";

export const AUTH_CHANGED = "suoqian:auth-changed";

type SummaryUser = { id: string; name: string; email?: string | null; role: Role };

export type SessionSummary =
  | { status: "loading" }
  | { status: "anonymous" }
  /** `cached`: the server could not be asked (no signal); this is who was signed in when it last answered. */
  | { status: "signed-in"; user: SummaryUser; cached?: true };

/** Who was signed in when the server last said so: enough for the header, nothing secret. */
export type CachedUser = { id: string; name: string; role: Role };

/** The session endpoint's answer, or none (no signal, the server away, an answer that is not one). */
export type SessionAnswer = { user: SummaryUser | null } | null;

/** Where the last known summary is kept (localStorage); cleared at sign-out and account deletion. */
export const SUMMARY_KEY = "suoqian.sessionSummary";

/** The stored summary, or null when there is none or it is not one (an old format, a hand edit). */
export function parseCachedUser(raw: string | null): CachedUser | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<Record<keyof CachedUser, unknown>> | null;
    if (!value || typeof value !== "object") return null;
    const { id, name, role } = value;
    if (typeof id !== "string" || id === "" || typeof name !== "string") return null;
    if (!(ROLES as readonly unknown[]).includes(role)) return null;
    return { id, name, role: role as Role };
  } catch {
    return null;
  }
}

/**
 * What the header shows, and what to keep for next time: the server's answer when there is
 * one (a signed-in user is kept, as {id, name, role}; "nobody" drops what was kept); without
 * an answer, the last known user, or the loading placeholder when none is known, never
 * "signed out" (offline, that is rarely true).
 */
export function summaryAfterAnswer(
  answer: SessionAnswer,
  cached: CachedUser | null,
): { summary: SessionSummary; keep: CachedUser | null } {
  if (answer === null) {
    return {
      summary: cached ? { status: "signed-in", user: cached, cached: true } : { status: "loading" },
      keep: cached,
    };
  }
  const { user } = answer;
  if (!user) return { summary: { status: "anonymous" }, keep: null };
  return { summary: { status: "signed-in", user }, keep: { id: user.id, name: user.name, role: user.role } };
}

function readCache(): CachedUser | null {
  try {
    return parseCachedUser(window.localStorage.getItem(SUMMARY_KEY));
  } catch {
    return null; // Storage blocked.
  }
}

function writeCache(user: CachedUser | null): void {
  try {
    if (user) window.localStorage.setItem(SUMMARY_KEY, JSON.stringify(user));
    else window.localStorage.removeItem(SUMMARY_KEY);
  } catch {
    // Storage blocked: without signal the header shows the placeholder.
  }
}

/** Forgets the last known summary; called when this browser signs out or its account is deleted. */
export function forgetSessionSummary(): void {
  writeCache(null);
}

async function askServer(): Promise<SessionAnswer> {
  try {
    const res = await fetch("/api/auth/session", { cache: "no-store" });
    if (!res.ok) return null;
    const session = (await res.json()) as { user?: SummaryUser } | null;
    return { user: session?.user ?? null };
  } catch {
    return null;
  }
}

/**
 * Who is signed in, for the header. Reads next-auth's session endpoint directly so
 * that every page need not ship next-auth's client; forms that sign in or out
 * announce it with the AUTH_CHANGED event. Without signal it shows the last known user
 * (kept in localStorage) rather than "signed out", and asks again when the signal returns.
 */
export function useSessionSummary(): SessionSummary {
  const [summary, setSummary] = useState<SessionSummary>({ status: "loading" });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const answer = await askServer();
      if (!live) return;
      const { summary: next, keep } = summaryAfterAnswer(answer, readCache());
      if (answer !== null) writeCache(keep);
      setSummary(next);
    };
    load();
    window.addEventListener(AUTH_CHANGED, load);
    window.addEventListener("online", load);
    return () => {
      live = false;
      window.removeEventListener(AUTH_CHANGED, load);
      window.removeEventListener("online", load);
    };
  }, []);
  return summary;
}

export function announceAuthChanged(): void {
  window.dispatchEvent(new Event(AUTH_CHANGED));
}
