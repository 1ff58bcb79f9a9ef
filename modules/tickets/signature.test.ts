import { describe, expect, it } from "vitest";
import { qrPayload, readScannedCode } from "./signature";

const secret = "s".repeat(40);

describe("ticket QR signatures", () => {
  it("reads back a signed payload", () => {
    expect(readScannedCode(qrPayload("7K3M9PQ2XA", secret), secret)).toEqual({ code: "7K3M9PQ2XA", signed: true });
  });

  it("rejects an altered code, an altered signature, and another server's signature", () => {
    const payload = qrPayload("7K3M9PQ2XA", secret);
    expect(readScannedCode(payload.replace("7K3M", "7K3N"), secret)).toEqual({ forged: true });
    expect(readScannedCode(`${payload.slice(0, -1)}A`, secret)).toEqual({ forged: true });
    expect(readScannedCode(qrPayload("7K3M9PQ2XA", "t".repeat(40)), secret)).toEqual({ forged: true });
    expect(readScannedCode("SQT1.7K3M9PQ2XA", secret)).toEqual({ forged: true });
  });

  it("accepts a code typed by hand, normalised, for the database to check", () => {
    expect(readScannedCode(" 7k3m-9pq2-xa ", secret)).toEqual({ code: "7K3M9PQ2XA", signed: false });
  });
});
