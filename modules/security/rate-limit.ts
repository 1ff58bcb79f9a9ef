import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { apiMessage } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import type { LimitName } from "@/lib/rate-limits";
import { UserError } from "@/lib/user-error";

// Rate limits (rate-limiter-flexible), counted in the app's own database
// (the RateLimiterFlexible table, SQLite or PostgreSQL), so they hold across
// processes and instances. Settings: lib/rate-limits.ts.

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma | null {
  const limit = env.rateLimits[name];
  if (!limit) return null;
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: name,
      points: limit.points,
      duration: limit.durationSeconds,
    });
    limiters.set(name, found);
  }
  return found;
}

/** Counts one attempt (or `points`) against the key; refused once the limit is used up. */
export async function consumeLimit(name: LimitName, key: string, points = 1): Promise<LimitVerdict> {
  const l = limiter(name);
  if (!l) return { ok: true };
  try {
    await l.consume(key, points);
    return { ok: true };
  } catch (outcome) {
    if (outcome instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
    }
    throw outcome;
  }
}

/** Forgets the key's count (a correct password clears the failures before it). */
export async function resetLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name)?.delete(key);
}

/** The first refusal among several limits, after counting the attempt against all of them. */
export async function consumeAll(checks: [LimitName, string][]): Promise<LimitVerdict> {
  const verdicts = await Promise.all(checks.map(([name, key]) => consumeLimit(name, key)));
  const refused = verdicts.filter((v): v is { ok: false; retryAfterSeconds: number } => !v.ok);
  if (refused.length === 0) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(...refused.map((v) => v.retryAfterSeconds)) };
}

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/** `429 Too Many Requests` with Retry-After and a message in the caller's language. */
export function tooManyRequests(locale: Locale, retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
  return Response.json(
    {
      error: "rate_limited",
      message: apiMessage(locale, "errors.rateLimited", { minutes: minutes(retryAfterSeconds) }),
      retryAfter: retryAfterSeconds,
      ...extra,
    },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

/** For server actions: the same refusal as a form error. */
export function rateLimitedError(retryAfterSeconds: number): UserError {
  return new UserError("errors.rateLimited", {}, { "": { minutes: minutes(retryAfterSeconds) } });
}
