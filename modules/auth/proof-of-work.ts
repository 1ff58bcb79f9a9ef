import "server-only";
import { createHash, createHmac } from "node:crypto";
import { type Challenge, createChallenge, randomInt, type Solution, verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { z } from "zod";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { env } from "@/lib/env";

// A proof of work before an SMS code is sent (ALTCHA, self-hosted: no third party sees
// anyone). Sending a text costs money and wakes a stranger; this makes each one cost a
// phone about a second of work (PBKDF2-SHA-256, 1,000 rounds per try, about 1,000 tries),
// while checking a solution costs the server one derivation. A challenge works once.

export const POW_ALGORITHM = "PBKDF2/SHA-256";
export const POW_COST = 1000;
/** The tries a solver needs lie in this range (the counter is known to the server only). */
export const POW_COUNTER = { min: 600, max: 1400 } as const;
export const POW_VALID_MS = 10 * 60_000;

/** The secrets that sign challenges and their keys: derived from the app's own secret, one per use. */
function secret(label: string): string {
  return createHmac("sha256", env.authSecret).update(`altcha:${label}`).digest("hex");
}

export async function createPhoneChallenge(now = new Date()): Promise<Challenge> {
  return createChallenge({
    algorithm: POW_ALGORITHM,
    cost: POW_COST,
    counter: randomInt(POW_COUNTER.min, POW_COUNTER.max),
    deriveKey,
    expiresAt: new Date(now.getTime() + POW_VALID_MS),
    hmacSignatureSecret: secret("challenge"),
    hmacKeySignatureSecret: secret("key"),
  });
}

/** A solved challenge as the browser sends it back (altcha's challenge and solution). */
export const proofSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.string().max(32),
      nonce: z.string().max(128),
      salt: z.string().max(128),
      cost: z.number().int().positive().max(1_000_000),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: z.string().max(128),
      keySignature: z.string().max(256).optional(),
      expiresAt: z.number().optional(),
      data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    }),
    signature: z.string().max(256),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(256) }),
});

export type Proof = z.infer<typeof proofSchema>;

/**
 * Whether the proof solves a challenge this server signed, unexpired and never used
 * before; a good proof is spent by this call (kept until it would have expired).
 */
export async function spendProof(proof: Proof, now = new Date()): Promise<boolean> {
  const { parameters } = proof.challenge;
  if (parameters.algorithm !== POW_ALGORITHM || parameters.cost !== POW_COST) return false;
  let verified = false;
  try {
    const result = await verifySolution({
      challenge: proof.challenge as Challenge,
      solution: proof.solution as Solution,
      deriveKey,
      hmacSignatureSecret: secret("challenge"),
      hmacKeySignatureSecret: secret("key"),
    });
    verified = result.verified;
  } catch {
    return false;
  }
  if (!verified) return false;
  const expiresAt = new Date((parameters.expiresAt ?? 0) * 1000 || now.getTime() + POW_VALID_MS);
  const id = createHash("sha256").update(proof.challenge.signature).digest("hex");
  try {
    await db.spentChallenge.create({ data: { id, expiresAt } });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  // Now and then, forget challenges that can no longer be used anyway.
  if (Math.random() < 0.01) await db.spentChallenge.deleteMany({ where: { expiresAt: { lt: now } } });
  return true;
}
