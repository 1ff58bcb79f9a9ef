import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  hkdfSync,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from "node:crypto";
import { normaliseCode } from "@/lib/codes";
import { LEGACY_PREFIX, PREFIX, parseScan, signedMessage } from "./signature-verify";

// What the QR code carries: "SQT2.<ticket code>.<signature>". The signature is Ed25519
// over "SQT2.<code>" with a key derived from the server's ticket secret (HKDF), so every
// instance with the same secret signs alike, and gates check it offline with the public
// key alone. Tickets issued before carry "SQT1.<code>.<HMAC>" and keep working: the server
// checks the HMAC; an offline gate compares the payload's hash with the manifest's. A code
// that was altered or made up is told apart from an unknown one at the gate. The code
// alone (10 characters) can still be typed by hand; then the database decides.

const LEGACY_SIGNATURE_LENGTH = 16;
// An Ed25519 private key in PKCS #8 DER is this prefix and the 32-byte seed (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

function legacySign(code: string, secret: string): string {
  return createHmac("sha256", secret)
    .update(`${LEGACY_PREFIX}.${code}`)
    .digest("base64url")
    .slice(0, LEGACY_SIGNATURE_LENGTH);
}

type Keys = { privateKey: KeyObject; publicKey: KeyObject; publicRaw: string };
const keysBySecret = new Map<string, Keys>();

/** The signing keys of a ticket secret, derived the same way on every instance. */
function keysFor(secret: string): Keys {
  let keys = keysBySecret.get(secret);
  if (!keys) {
    const seed = Buffer.from(hkdfSync("sha256", secret, "suoqian-ticket-qr", "ed25519 signing key v2", 32));
    const privateKey = createPrivateKey({
      key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
      format: "der",
      type: "pkcs8",
    });
    const publicKey = createPublicKey(privateKey);
    const spki = publicKey.export({ format: "der", type: "spki" });
    keys = { privateKey, publicKey, publicRaw: spki.subarray(spki.length - 32).toString("base64url") };
    keysBySecret.set(secret, keys);
  }
  return keys;
}

/** The public key gates verify QR codes with (raw 32 bytes, base64url). */
export function ticketPublicKey(secret: string): string {
  return keysFor(secret).publicRaw;
}

/** What a new ticket's QR code carries. */
export function qrPayload(code: string, secret: string): string {
  const signature = sign(null, Buffer.from(signedMessage(code)), keysFor(secret).privateKey);
  return `${PREFIX}.${code}.${signature.toString("base64url")}`;
}

/** What tickets issued before the switch to Ed25519 carry (still read at the gate). */
export function legacyQrPayload(code: string, secret: string): string {
  return `${LEGACY_PREFIX}.${code}.${legacySign(code, secret)}`;
}

/** The SHA-256 (base64url) of a ticket's legacy payload, which an offline gate compares a scanned SQT1 with. */
export function legacyPayloadHash(code: string, secret: string): string {
  return createHash("sha256").update(legacyQrPayload(code, secret)).digest("base64url");
}

export type ScannedCode = { code: string; signed: true } | { code: string; signed: false } | { forged: true };

/** Reads what the scanner or the keyboard gave: a signed QR payload (either version), or a bare code. */
export function readScannedCode(input: string, secret: string): ScannedCode {
  const scan = parseScan(input);
  if (scan.kind === "typed") return { code: normaliseCode(input.trim()), signed: false };
  if (scan.kind === "legacy") {
    const [, code = "", signature = ""] = scan.payload.split(".");
    const expected = Buffer.from(legacySign(code, secret));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { forged: true };
    return { code, signed: true };
  }
  const signature = Buffer.from(scan.signature, "base64url");
  if (scan.code === "" || signature.length !== 64 || signature.toString("base64url") !== scan.signature) {
    return { forged: true };
  }
  const valid = verify(null, Buffer.from(signedMessage(scan.code)), keysFor(secret).publicKey, signature);
  return valid ? { code: scan.code, signed: true } : { forged: true };
}
