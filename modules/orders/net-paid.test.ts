import { describe, expect, it } from "vitest";
import { netPaid } from "./net-paid";

describe("netPaid", () => {
  it("is the total when nothing was refunded", () => {
    expect(netPaid(17_600, [])).toEqual({ refundedCents: 0, netCents: 17_600 });
  });

  it("takes every refund off, whether it has reached the buyer yet or not", () => {
    expect(netPaid(17_600, [{ amountCents: 8_800 }, { amountCents: 1_000 }])).toEqual({
      refundedCents: 9_800,
      netCents: 7_800,
    });
  });

  it("never goes below zero", () => {
    expect(netPaid(5_000, [{ amountCents: 5_000 }, { amountCents: 100 }]).netCents).toBe(0);
  });
});
