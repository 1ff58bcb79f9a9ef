import { ed25519 } from "@noble/curves/ed25519.js";
import { sha256 } from "@noble/hashes/sha2.js";

// What a gate can check of a scanned QR without the server (also offline, in the browser):
// "SQT2.<code>.<Ed25519 signature>" against the public key the manifest carries, and an
// older "SQT1.<code>.<HMAC>" against the hash of its whole payload that the manifest lists
// for each ticket (the HMAC's secret never leaves the server). No node:crypto here.

export const LEGACY_PREFIX = "SQT1";
export const PREFIX = "SQT2";

/** The message an SQT2 signature covers. */
export const signedMessage = (code: string) => `${PREFIX}.${code}`;

/** Upper-cases and maps look-alikes (O→0, I/L→1), dropping spaces and dashes: as lib/codes#normaliseCode. */
export function normaliseTypedCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

const encoder = new TextEncoder();

export function toBase64url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (text.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** SHA-256 of a whole scanned payload, base64url: how the manifest lists a ticket's SQT1 payload. */
export function payloadHash(payload: string): string {
  return toBase64url(sha256(encoder.encode(payload.trim())));
}

export type ParsedScan =
  | { kind: "signed"; code: string; signature: string }
  | { kind: "legacy"; code: string; payload: string }
  | { kind: "typed"; code: string };

/** Splits what a scanner or keyboard gave into its kind and ticket code; checks nothing. */
export function parseScan(input: string): ParsedScan {
  const trimmed = input.trim();
  if (trimmed.startsWith(`${PREFIX}.`)) {
    const [, code = "", signature = ""] = trimmed.split(".");
    return { kind: "signed", code, signature };
  }
  if (trimmed.startsWith(`${LEGACY_PREFIX}.`)) {
    const [, code = ""] = trimmed.split(".");
    return { kind: "legacy", code, payload: trimmed };
  }
  return { kind: "typed", code: normaliseTypedCode(trimmed) };
}

/** Whether an SQT2 signature is the one of the key whose public half is given (base64url, 32 bytes). */
export function verifySigned(code: string, signature: string, publicKey: string): boolean {
  const sig = fromBase64url(signature);
  const key = fromBase64url(publicKey);
  if (sig === null || key === null || sig.length !== 64 || key.length !== 32 || code === "") return false;
  try {
    return ed25519.verify(sig, encoder.encode(signedMessage(code)), key);
  } catch {
    return false;
  }
}
