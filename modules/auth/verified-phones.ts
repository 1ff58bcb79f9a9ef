import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

// The numbers this browser proved with a code, in one signed, HttpOnly cookie: a guest
// who typed the code once at checkout is not asked again for 30 days. Each entry is
// "number.expiry.signature"; the signature (HMAC with the app's secret) covers both,
// so an entry cannot be made, moved to another number or kept past its expiry.

export const VERIFIED_PHONES_COOKIE = "sq_phones";
export const VERIFIED_PHONE_DAYS = 30;
/** The most numbers one browser keeps proved (a family's phones on one tablet). */
const MAX_PHONES = 4;

function sign(phone: string, expires: number): string {
  return createHmac("sha256", env.authSecret)
    .update(`verified-phone:${phone}:${expires}`)
    .digest("base64url")
    .slice(0, 32);
}

function valid(entry: string, nowSeconds: number): string | null {
  const [phone, expiresText, signature] = entry.split(".");
  if (!phone || !expiresText || !signature || !/^1\d{10}$/.test(phone) || !/^\d{1,12}$/.test(expiresText)) return null;
  const expires = Number(expiresText);
  if (expires <= nowSeconds) return null;
  const a = Buffer.from(signature);
  const b = Buffer.from(sign(phone, expires));
  return a.length === b.length && timingSafeEqual(a, b) ? phone : null;
}

/** The numbers the cookie's value proves now (none for a missing, altered or expired one). */
export function verifiedPhonesIn(value: string | undefined, now = new Date()): Set<string> {
  const seconds = Math.floor(now.getTime() / 1000);
  const phones = new Set<string>();
  for (const entry of (value ?? "").slice(0, 2048).split("~")) {
    const phone = valid(entry, seconds);
    if (phone) phones.add(phone);
  }
  return phones;
}

/** The cookie's value once `phone` is proved too: the newest first, the oldest dropped past four. */
export function withVerifiedPhone(value: string | undefined, phone: string, now = new Date()): string {
  const expires = Math.floor(now.getTime() / 1000) + VERIFIED_PHONE_DAYS * 86_400;
  const kept = [...verifiedPhonesIn(value, now)].filter((p) => p !== phone);
  const current = (value ?? "").split("~").filter((entry) => kept.includes(entry.split(".")[0] ?? ""));
  return [`${phone}.${expires}.${sign(phone, expires)}`, ...current].slice(0, MAX_PHONES).join("~");
}

/** Whether cookies must be Secure: the site is served over HTTPS (as next-auth decides from NEXTAUTH_URL), or this request was. */
export function secureCookies(requestUrl: string): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https:") || new URL(requestUrl).protocol === "https:";
}

/** A Set-Cookie header for the new value. */
export function verifiedPhonesCookie(value: string, secure: boolean): string {
  const maxAge = VERIFIED_PHONE_DAYS * 86_400;
  return `${VERIFIED_PHONES_COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The cookie's value in a Cookie request header. */
export function verifiedPhonesCookieValue(cookieHeader: string | null): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === VERIFIED_PHONES_COOKIE) return rest.join("=");
  }
  return undefined;
}
