import "server-only";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { Prisma } from "@/generated/prisma/sqlite/client";
import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import type { LimitName } from "@/lib/rate-limit/settings";
import { UserError } from "@/lib/user-error";

// Rate limits (rate-limiter-flexible), counted in the app's own database
// (the RateLimiterFlexible table, SQLite or PostgreSQL), so they hold across
// processes and instances. Settings: lib/rate-limits.ts.

export type LimitVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

type Row = { points: number | bigint; expire: Date | string | null };

/**
 * The library's Prisma store, with its write done as one atomic SQL statement
 * instead of two ORM calls (delete the expired row, then upsert): the order
 * limit is counted on every order, at the minute a festival opens, and the ORM's
 * per-query planning cost more than the database work (measured: 250 → 550+
 * orders/s). The same statement runs on SQLite and PostgreSQL (ON CONFLICT …
 * RETURNING); reads and deletes stay the library's.
 */
class RateLimiterDatabase extends RateLimiterPrisma {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<Row> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    const table = Prisma.raw('"RateLimiterFlexible"');
    // An expired row starts a new window; `forceExpire` (set, penalty…) always does.
    const restart = forceExpire
      ? Prisma.sql`TRUE`
      : Prisma.sql`(${table}."expire" IS NOT NULL AND ${table}."expire" <= ${now})`;
    return db.$queryRaw<Row[]>`
        INSERT INTO ${table} ("key", "points", "expire") VALUES (${key}, ${points}, ${expire})
        ON CONFLICT ("key") DO UPDATE SET
          "points" = CASE WHEN ${restart} THEN excluded."points" ELSE ${table}."points" + excluded."points" END,
          "expire" = CASE WHEN ${restart} THEN excluded."expire" ELSE ${table}."expire" END
        RETURNING "points", "expire"`.then((rows) => {
      const row = rows[0];
      if (!row) throw new Error("rate limit: the upsert returned no row");
      return { points: Number(row.points), expire: row.expire === null ? null : new Date(row.expire) };
    });
  }
}

const limiters = new Map<LimitName, RateLimiterPrisma>();

function limiter(name: LimitName): RateLimiterPrisma | null {
  const limit = env.rateLimits[name];
  if (!limit) return null;
  let found = limiters.get(name);
  if (!found) {
    found = new RateLimiterDatabase({
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

type Waiting = { resolve: (verdict: LimitVerdict) => void; reject: (error: unknown) => void };
/** How long attempts gather before one statement counts them. */
const GATHER_MS = 2;
const waiting = new Map<string, { name: LimitName; key: string; callers: Waiting[] }>();
let flushing = false;

/**
 * Counts one attempt against the key; refused once the limit is used up.
 * Attempts for the same key that arrive in the same turn of the event loop (a
 * festival crowd behind one NAT) are counted with one statement, and admitted in
 * arrival order while the limit lasts: the same answers as one by one, a fraction
 * of the writes.
 */
export function consumeLimit(name: LimitName, key: string): Promise<LimitVerdict> {
  if (!limiter(name)) return Promise.resolve({ ok: true });
  return new Promise((resolve, reject) => {
    const id = `${name}\u0000${key}`;
    const group = waiting.get(id) ?? { name, key, callers: [] };
    group.callers.push({ resolve, reject });
    waiting.set(id, group);
    if (!flushing) {
      flushing = true;
      setTimeout(() => {
        flushing = false;
        const groups = [...waiting.values()];
        waiting.clear();
        const byName = new Map<LimitName, Group[]>();
        for (const g of groups) byName.set(g.name, [...(byName.get(g.name) ?? []), g]);
        for (const [n, list] of byName) void consumeTogether(n, list);
      }, GATHER_MS);
    }
  });
}

type Group = { name: LimitName; key: string; callers: Waiting[] };

/**
 * Counts the gathered attempts of one limit, every key at once: one statement for the
 * keys of a whole crowd (200 buyers from 200 addresses are one write, not 200), with the
 * library's rule (the window starts at a key's first attempt; an expired one starts anew).
 * Each key's callers are admitted in arrival order while its limit lasts.
 */
async function consumeTogether(name: LimitName, groups: Group[]): Promise<void> {
  const l = limiter(name);
  const limit = env.rateLimits[name];
  if (!l || !limit) {
    for (const g of groups) for (const c of g.callers) c.resolve({ ok: true });
    return;
  }
  const counted = new Map<string, Row>();
  try {
    const entries = groups.map((g) => ({ key: l.getKey(g.key), points: g.callers.length }));
    // Well inside every database's limit on a statement's parameters.
    for (let i = 0; i < entries.length; i += 1000) {
      for (const [key, row] of await upsertMany(entries.slice(i, i + 1000), limit.durationSeconds * 1000))
        counted.set(key, row);
    }
  } catch (error) {
    for (const g of groups) for (const c of g.callers) c.reject(error);
    return;
  }
  const now = Date.now();
  for (const g of groups) {
    const row = counted.get(l.getKey(g.key));
    const consumed = Number(row?.points ?? g.callers.length);
    const fit = Math.max(0, limit.points - (consumed - g.callers.length));
    const expire = row?.expire ? new Date(row.expire).getTime() : now + limit.durationSeconds * 1000;
    const retryAfterSeconds = Math.max(1, Math.ceil((expire - now) / 1000));
    g.callers.forEach((c, i) => {
      c.resolve(i < fit ? { ok: true } : { ok: false, retryAfterSeconds });
    });
  }
}

/** The multi-key form of RateLimiterDatabase._upsert: one INSERT … ON CONFLICT … RETURNING for every key. */
async function upsertMany(entries: { key: string; points: number }[], msDuration: number): Promise<Map<string, Row>> {
  const now = new Date();
  const expire = new Date(now.getTime() + msDuration);
  const table = Prisma.raw('"RateLimiterFlexible"');
  const restart = Prisma.sql`(${table}."expire" IS NOT NULL AND ${table}."expire" <= ${now})`;
  const rows = await db.$queryRaw<(Row & { key: string })[]>`
      INSERT INTO ${table} ("key", "points", "expire")
      VALUES ${Prisma.join(entries.map((e) => Prisma.sql`(${e.key}, ${e.points}, ${expire})`))}
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN ${restart} THEN excluded."points" ELSE ${table}."points" + excluded."points" END,
        "expire" = CASE WHEN ${restart} THEN excluded."expire" ELSE ${table}."expire" END
      RETURNING "key", "points", "expire"`;
  return new Map(rows.map((r) => [r.key, r]));
}

/** Takes one attempt back (a sign-in that turned out right is no failure of its address). */
export async function refundLimit(name: LimitName, key: string): Promise<void> {
  await limiter(name)?.reward(key, 1);
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
  return apiErrorResponse(
    new ApiError("rate_limited", "errors.rateLimited", {
      values: { minutes: minutes(retryAfterSeconds) },
      body: { retryAfter: retryAfterSeconds, ...extra },
      headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
    }),
    locale,
  );
}

/** For server actions: the same refusal as a form error. */
export function rateLimitedError(retryAfterSeconds: number): UserError {
  return new UserError("errors.rateLimited", {}, { "": { minutes: minutes(retryAfterSeconds) } });
}
