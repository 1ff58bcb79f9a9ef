import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import { legacyPayloadHash, legacyQrPayload, qrPayload, ticketPublicKey } from "@/modules/tickets/signature";
import type { Manifest, ManifestTicket } from "../gate-sync";
import { decideLocally, gateDate, mergeManifest } from "./decide";

const secret = "g".repeat(40);
const now = shanghaiTime(2027, 6, 13, 9);
const ticket = (code: string, extra: Partial<ManifestTicket> = {}): ManifestTicket => ({
  code,
  sessionId: "morning",
  ticketType: { zh: "入园票", en: "Entry" },
  status: "valid",
  checkedInAt: null,
  legacyHash: legacyPayloadHash(code, secret),
  holderHash: "h",
  ...extra,
});
const manifest: Manifest = {
  festival: { id: "f", slug: "bayberry", name: { zh: "杨梅节", en: "Bayberry" } },
  date: "2027-06-13",
  sessions: [],
  tickets: [
    ticket("AAAAAAAAAA"),
    ticket("BBBBBBBBBB", { status: "cancelled" }),
    ticket("CCCCCCCCCC", { sessionId: "afternoon" }),
    ticket("DDDDDDDDDD", { checkedInAt: "2027-06-13T00:30:00.000Z" }),
    ticket("E0E1E0E1E0"),
  ],
  cursor: "c",
  delta: false,
  publicKey: ticketPublicKey(secret),
  generatedAt: "g",
};
const decide = (scanned: string, extra: Partial<Parameters<typeof decideLocally>[0]> = {}) =>
  decideLocally({ scanned, manifest, sessionId: "morning", admittedHere: {}, now, ...extra }).result;

describe("deciding a scan on the device, offline", () => {
  it("admits a valid ticket of the gate's session, scanned (either QR version) or typed", () => {
    expect(decide(qrPayload("AAAAAAAAAA", secret))).toBe("ok");
    expect(decide(legacyQrPayload("AAAAAAAAAA", secret))).toBe("ok");
    expect(decide(" aaaa-aaaa-aa ")).toBe("ok");
    expect(decide("e0el-eoe1-e0")).toBe("ok");
  });

  it("refuses a forged or altered QR code", () => {
    expect(decide(qrPayload("AAAAAAAAAA", "x".repeat(40)))).toBe("forged");
    expect(decide(qrPayload("AAAAAAAAAA", secret).replace("SQT2.AAAAAAAAAA", "SQT2.AAAAAAAAAB"))).toBe("forged");
    expect(decide(legacyQrPayload("AAAAAAAAAA", "x".repeat(40)))).toBe("forged");
    expect(decide("SQT2.AAAAAAAAAA.AAAA")).toBe("forged");
  });

  it("says unknown, cancelled, wrong session and already used as the online gate does", () => {
    expect(decide("ZZZZZZZZZZ")).toBe("unknown");
    expect(decide(qrPayload("ZZZZZZZZZZ", secret))).toBe("unknown");
    expect(decide("BBBBBBBBBB")).toBe("cancelled");
    expect(decide("CCCCCCCCCC")).toBe("wrong_session");
    expect(decide("CCCCCCCCCC", { sessionId: null })).toBe("ok");
    expect(decide("CCCCCCCCCC", { sessionId: null, now: shanghaiTime(2027, 6, 14, 9) })).toBe("wrong_session");
    expect(decide("DDDDDDDDDD")).toBe("already_used");
    expect(decide("AAAAAAAAAA", { admittedHere: { AAAAAAAAAA: now.toISOString() } })).toBe("already_used");
  });

  it("takes the day in Suoqian's time, and brings a manifest up to date with a delta", () => {
    expect(gateDate(new Date(Date.UTC(2027, 5, 12, 23, 30)))).toBe("2027-06-13");
    const merged = mergeManifest(manifest, {
      ...manifest,
      delta: true,
      cursor: "c2",
      tickets: [ticket("AAAAAAAAAA", { checkedInAt: now.toISOString() }), ticket("FFFFFFFFFF")],
    });
    expect(merged.cursor).toBe("c2");
    expect(merged.delta).toBe(false);
    expect(merged.tickets).toHaveLength(6);
    expect(
      decideLocally({ scanned: "AAAAAAAAAA", manifest: merged, sessionId: null, admittedHere: {}, now }).result,
    ).toBe("already_used");
    expect(mergeManifest(manifest, { ...manifest, tickets: [] }).tickets).toEqual([]);
  });
});
