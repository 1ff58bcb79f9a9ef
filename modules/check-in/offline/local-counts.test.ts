import { describe, expect, it } from "vitest";
import type { ManifestTicket } from "../gate-sync";
import { countsFromManifest, freshestCounts } from "./local-counts";

const ticket = (code: string, extra: Partial<ManifestTicket> = {}): ManifestTicket => ({
  code,
  sessionId: "morning",
  ticketType: { zh: "入园票", en: "Entry" },
  status: "valid",
  checkedInAt: null,
  legacyHash: "l",
  holderHash: "h",
  ...extra,
});
const manifest = {
  tickets: [
    ticket("AAAAAAAAAA"),
    ticket("BBBBBBBBBB", { status: "cancelled" }),
    ticket("B2B2B2B2B2", { status: "refunded", checkedInAt: null }),
    ticket("CCCCCCCCCC", { sessionId: "afternoon" }),
    ticket("DDDDDDDDDD", { checkedInAt: "2027-06-13T00:30:00.000Z" }),
    ticket("EEEEEEEEEE"),
  ],
};

describe("the gate's counter from the manifest kept on the device", () => {
  it("counts the valid tickets of the gate's session and those checked in, as the server does", () => {
    expect(countsFromManifest(manifest, "morning", {})).toEqual({ checkedIn: 1, total: 3 });
    expect(countsFromManifest(manifest, "afternoon", {})).toEqual({ checkedIn: 0, total: 1 });
    expect(countsFromManifest(manifest, "evening", {})).toEqual({ checkedIn: 0, total: 0 });
  });

  it("counts the whole day for a gate on no one session", () => {
    expect(countsFromManifest(manifest, null, {})).toEqual({ checkedIn: 1, total: 4 });
  });

  it("adds what this device admitted and the manifest does not know yet, once each", () => {
    const here = { AAAAAAAAAA: "2027-06-13T01:00:00.000Z", DDDDDDDDDD: "2027-06-13T01:05:00.000Z" };
    expect(countsFromManifest(manifest, "morning", here)).toEqual({ checkedIn: 2, total: 3 });
    // An admission of another session's ticket, or of a cancelled one, is not the gate's count.
    expect(countsFromManifest(manifest, "morning", { CCCCCCCCCC: "t", BBBBBBBBBB: "t" })).toEqual({
      checkedIn: 1,
      total: 3,
    });
  });
});

describe("what the counter shows", () => {
  it("keeps the server's count unless the device knows more admissions", () => {
    expect(freshestCounts({ checkedIn: 1, total: 2 }, null)).toEqual({ checkedIn: 1, total: 2 });
    expect(freshestCounts({ checkedIn: 1, total: 2 }, { checkedIn: 1, total: 2 })).toEqual({ checkedIn: 1, total: 2 });
    expect(freshestCounts({ checkedIn: 3, total: 9 }, { checkedIn: 1, total: 8 })).toEqual({ checkedIn: 3, total: 9 });
  });

  it("shows the device's count for a page kept before its last sync", () => {
    expect(freshestCounts({ checkedIn: 0, total: 2 }, { checkedIn: 1, total: 2 })).toEqual({ checkedIn: 1, total: 2 });
  });

  it("takes the greater total then, never fewer tickets than admissions", () => {
    expect(freshestCounts({ checkedIn: 0, total: 5 }, { checkedIn: 1, total: 4 })).toEqual({ checkedIn: 1, total: 5 });
    expect(freshestCounts({ checkedIn: 0, total: 0 }, { checkedIn: 2, total: 1 })).toEqual({ checkedIn: 2, total: 2 });
  });
});
