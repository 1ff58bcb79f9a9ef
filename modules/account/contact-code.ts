import "server-only";
import { createHmac } from "node:crypto";
import { env } from "@/lib/env";

/** How long a code works, and how many guesses it takes. */
export const CODE_VALID_MS = 15 * 60_000;
export const MAX_CODE_ATTEMPTS = 5;

/**
 * What is hashed for a code: an HMAC of the code with the account and address,
 * keyed by a server secret. A six-digit code alone would fall to a table of its
 * million hashes; this one is useless without the secret, and only for its address.
 */
export function codeDigest(userId: string, channel: string, address: string, code: string): string {
  return createHmac("sha256", env.authSecret)
    .update(`contact-code:${userId}:${channel}:${address}:${code}`)
    .digest("hex");
}
