import { ed25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { normaliseCode } from "@/lib/codes";
import { legacyPayloadHash, legacyQrPayload, qrPayload, readScannedCode, ticketPublicKey } from "./signature";
import {
  fromBase64url,
  normaliseTypedCode,
  parseScan,
  payloadHash,
  toBase64url,
  verifySigned,
} from "./signature-verify";

const secret = "s".repeat(40);
const otherSecret = "t".repeat(40);

describe("ticket QR signatures (SQT2, Ed25519)", () => {
  it("signs new tickets with Ed25519 and reads them back", () => {
    const payload = qrPayload("7K3M9PQ2XA", secret);
    expect(payload).toMatch(/^SQT2\.7K3M9PQ2XA\.[A-Za-z0-9_-]{86}$/);
    expect(readScannedCode(payload, secret)).toEqual({ code: "7K3M9PQ2XA", signed: true });
  });

  it("derives its key from the secret by HKDF, so every instance with the secret signs alike", () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    const seed = hkdf(sha256, bytes(secret), bytes("suoqian-ticket-qr"), bytes("ed25519 signing key v2"), 32);
    expect(ticketPublicKey(secret)).toBe(toBase64url(ed25519.getPublicKey(seed)));
    const signature = fromBase64url(qrPayload("7K3M9PQ2XA", secret).split(".")[2] ?? "");
    expect(signature).toEqual(ed25519.sign(new TextEncoder().encode("SQT2.7K3M9PQ2XA"), seed));
    expect(ticketPublicKey(secret)).not.toBe(ticketPublicKey(otherSecret));
  });

  it("rejects an altered code, an altered signature, a truncated one and another server's signature", () => {
    const payload = qrPayload("7K3M9PQ2XA", secret);
    const signature = payload.split(".")[2] ?? "";
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;
    for (const forged of [
      payload.replace("7K3M", "7K3N"),
      `SQT2.7K3M9PQ2XA.${flipped}`,
      payload.slice(0, -2),
      qrPayload("7K3M9PQ2XA", otherSecret),
      "SQT2.7K3M9PQ2XA",
      "SQT2..",
      `SQT2.7K3M9PQ2XA.${"!".repeat(86)}`,
    ]) {
      expect(readScannedCode(forged, secret), forged).toEqual({ forged: true });
    }
  });

  it("is verified in the browser's way with the public key only", () => {
    const publicKey = ticketPublicKey(secret);
    const payload = qrPayload("7K3M9PQ2XA", secret);
    const scan = parseScan(payload);
    expect(scan).toMatchObject({ kind: "signed", code: "7K3M9PQ2XA" });
    if (scan.kind !== "signed") throw new Error("not signed");
    expect(verifySigned(scan.code, scan.signature, publicKey)).toBe(true);
    expect(verifySigned("7K3M9PQ2XB", scan.signature, publicKey)).toBe(false);
    expect(verifySigned(scan.code, scan.signature, ticketPublicKey(otherSecret))).toBe(false);
    expect(verifySigned(scan.code, "AAAA", publicKey)).toBe(false);
    expect(verifySigned(scan.code, scan.signature, "not a key")).toBe(false);
  });
});

describe("tickets issued before (SQT1, HMAC)", () => {
  it("still reads a signed legacy payload", () => {
    expect(readScannedCode(legacyQrPayload("7K3M9PQ2XA", secret), secret)).toEqual({
      code: "7K3M9PQ2XA",
      signed: true,
    });
  });

  it("rejects an altered code, an altered signature, and another server's signature", () => {
    const payload = legacyQrPayload("7K3M9PQ2XA", secret);
    expect(readScannedCode(payload.replace("7K3M", "7K3N"), secret)).toEqual({ forged: true });
    expect(readScannedCode(`${payload.slice(0, -1)}${payload.endsWith("A") ? "B" : "A"}`, secret)).toEqual({
      forged: true,
    });
    expect(readScannedCode(legacyQrPayload("7K3M9PQ2XA", otherSecret), secret)).toEqual({ forged: true });
    expect(readScannedCode("SQT1.7K3M9PQ2XA", secret)).toEqual({ forged: true });
  });

  it("is checked offline by the hash of the whole payload, which gives the HMAC away to no one", () => {
    const payload = legacyQrPayload("7K3M9PQ2XA", secret);
    const hash = legacyPayloadHash("7K3M9PQ2XA", secret);
    expect(payloadHash(payload)).toBe(hash);
    expect(payloadHash(` ${payload} `)).toBe(hash);
    expect(payloadHash(`${payload.slice(0, -1)}${payload.endsWith("A") ? "B" : "A"}`)).not.toBe(hash);
    expect(hash).not.toContain(payload.split(".")[2]);
  });
});

describe("codes typed by hand", () => {
  it("are normalised, for the database to check", () => {
    expect(readScannedCode(" 7k3m-9pq2-xa ", secret)).toEqual({ code: "7K3M9PQ2XA", signed: false });
  });

  it("are normalised in the browser as on the server", () => {
    for (const typed of [" 7k3m-9pq2-xa ", "olil-OLIL-io", "abc def"]) {
      expect(normaliseTypedCode(typed.trim())).toBe(normaliseCode(typed.trim()));
    }
  });
});
