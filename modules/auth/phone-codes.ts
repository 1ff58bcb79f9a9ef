import "server-only";
import { createHmac, randomInt } from "node:crypto";
import { hashToken, tokenMatches } from "@/lib/codes";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { consumeLimit, type LimitVerdict } from "@/lib/rate-limit/limiter";
import type { LimitName } from "@/lib/rate-limit/settings";
import { sendTextMessage } from "@/lib/sms/send";
import { composePhoneCodeText } from "./compose-phone-code";

// Six-digit codes texted to a mainland mobile number: to sign in or up, and to prove a
// number at checkout or on the waiting list. One mechanism for all of them: a code is
// valid 5 minutes, takes 5 guesses, works once; only an HMAC of it is stored. A number
// gets one code a minute, 5 an hour, 10 a day, and an address a settable number an hour.

export const PHONE_CODE_VALID_MS = 5 * 60_000;
export const MAX_PHONE_CODE_ATTEMPTS = 5;

/** Keyed by a server secret and bound to the code's own row: a stolen table reveals no code. */
function digest(id: string, phone: string, code: string): string {
  return createHmac("sha256", env.authSecret).update(`phone-code:${id}:${phone}:${code}`).digest("hex");
}

/**
 * Counts a code against the address's limit, then the number's, the minute's first: an
 * address past its allowance uses up nobody's number, and a refusal within the minute
 * does not use up the number's hour or day.
 */
async function codeAllowed(phone: string, address: string): Promise<LimitVerdict> {
  const checks: [LimitName, string][] = [
    ["phoneCodeAddress", address],
    ["phoneCodeNumber", phone],
    ["phoneCodeHour", phone],
    ["phoneCodeDay", phone],
  ];
  for (const [name, key] of checks) {
    const verdict = await consumeLimit(name, key);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

export type CodeSent = { ok: true; expiresInSeconds: number } | { ok: false; retryAfterSeconds: number };

/**
 * Texts a new code to the number (the one before it stops working), within the limits.
 * The caller has already checked that the browser may ask (a proof of work, or a
 * signed-in account asking for its own number).
 */
export async function sendPhoneCode(
  phone: string,
  { address, locale, now = new Date() }: { address: string; locale: Locale; now?: Date },
): Promise<CodeSent> {
  const allowed = await codeAllowed(phone, address);
  if (!allowed.ok) return allowed;
  const code = String(randomInt(1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + PHONE_CODE_VALID_MS);
  await db.$transaction(async (tx) => {
    await tx.phoneCode.updateMany({ where: { phone, usedAt: null }, data: { usedAt: now } });
    const row = await tx.phoneCode.create({
      data: { phone, codeHash: "", expiresAt, clientAddress: address, createdAt: now },
      select: { id: true },
    });
    await tx.phoneCode.update({ where: { id: row.id }, data: { codeHash: hashToken(digest(row.id, phone, code)) } });
  });
  const minutes = PHONE_CODE_VALID_MS / 60_000;
  await sendTextMessage({
    to: phone,
    kind: "code",
    params: { code },
    text: composePhoneCodeText(code, { locale, minutes }),
    locale,
  });
  return { ok: true, expiresInSeconds: PHONE_CODE_VALID_MS / 1000 };
}

export type CodeCheck = { ok: true; id: string } | { ok: false; reason: "expired" | "locked" | "wrong"; left?: number };

/**
 * Checks a code for the number and, when right, uses it up (unless `spend` is false: the
 * caller then spends it once the rest of its request holds). Each guess is counted
 * first, by an update guarded by the count, so guesses sent at once cannot exceed
 * five; the right code is taken by an update guarded by `usedAt`, so it works once.
 */
export async function checkPhoneCode(
  phone: string,
  code: string,
  now = new Date(),
  { spend = true }: { spend?: boolean } = {},
): Promise<CodeCheck> {
  const pending = await db.phoneCode.findFirst({
    where: { phone, usedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, expiresAt: true, attempts: true },
  });
  if (!pending || pending.expiresAt <= now) return { ok: false, reason: "expired" };
  const counted = await db.phoneCode.updateMany({
    where: { id: pending.id, usedAt: null, attempts: { lt: MAX_PHONE_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) return { ok: false, reason: "locked" };
  if (!/^\d{6}$/.test(code) || !tokenMatches(digest(pending.id, phone, code), pending.codeHash)) {
    const left = MAX_PHONE_CODE_ATTEMPTS - pending.attempts - 1;
    return left <= 0 ? { ok: false, reason: "locked" } : { ok: false, reason: "wrong", left };
  }
  if (!spend) return { ok: true, id: pending.id };
  return (await spendPhoneCode(pending.id, now)) ? { ok: true, id: pending.id } : { ok: false, reason: "expired" };
}

/** Uses up a code checked with `spend: false`; false when another request used it first. */
export async function spendPhoneCode(id: string, now = new Date()): Promise<boolean> {
  const used = await db.phoneCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return used.count === 1;
}
