import { createHmac, timingSafeEqual } from "node:crypto";
import { normaliseCode } from "@/lib/codes";

// What the QR code carries: "SQT1.<ticket code>.<signature>". The signature is an
// HMAC of the code with the server's ticket secret, so a code that was altered or
// made up is told apart from an unknown one at the gate. The code alone (10
// characters) can still be typed by hand; then the database decides.

const PREFIX = "SQT1";
const SIGNATURE_LENGTH = 16;

function sign(code: string, secret: string): string {
  return createHmac("sha256", secret).update(`${PREFIX}.${code}`).digest("base64url").slice(0, SIGNATURE_LENGTH);
}

export function qrPayload(code: string, secret: string): string {
  return `${PREFIX}.${code}.${sign(code, secret)}`;
}

export type ScannedCode = { code: string; signed: true } | { code: string; signed: false } | { forged: true };

/** Reads what the scanner or the keyboard gave: a signed QR payload, or a bare code. */
export function readScannedCode(input: string, secret: string): ScannedCode {
  const trimmed = input.trim();
  if (trimmed.startsWith(`${PREFIX}.`)) {
    const [, code = "", signature = ""] = trimmed.split(".");
    const expected = Buffer.from(sign(code, secret));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { forged: true };
    return { code, signed: true };
  }
  return { code: normaliseCode(trimmed), signed: false };
}
