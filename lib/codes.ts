import { createHash, createHmac, randomInt, timingSafeEqual } from "node:crypto";

// Crockford's base 32: no I, L, O or U, so a code read out or typed by hand is
// hard to get wrong (and ambiguous letters can be mapped back).
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export function randomCode(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** Upper-cases and maps look-alikes (O→0, I/L→1), dropping spaces and dashes. */
export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/**
 * The secret link by which a guest reads their order: an HMAC of the order id
 * with a server secret, so the confirmation e-mail can carry it again later.
 * Only its hash is stored.
 */
export function orderAccessToken(orderId: string, secret: string): { token: string; hash: string } {
  const token = createHmac("sha256", secret).update(`order-access:${orderId}`).digest("base64url");
  return { token, hash: hashToken(token) };
}

/**
 * The key of an order's short link (/o/CODE/KEY, what texts carry: an SMS template's
 * variable holds 35 characters, the access token alone is 43): 12 Crockford letters,
 * 60 bits of an HMAC of the order id, a different one from the access token's.
 */
export function orderLinkKey(orderId: string, secret: string): string {
  const digest = createHmac("sha256", secret).update(`order-link:${orderId}`).digest();
  let bits = digest.readBigUInt64BE(0) >> 4n;
  let out = "";
  for (let i = 0; i < 12; i++, bits >>= 5n) out = ALPHABET[Number(bits & 31n)] + out;
  return out;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function tokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(hash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
