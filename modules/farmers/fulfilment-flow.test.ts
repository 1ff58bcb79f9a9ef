import { describe, expect, it } from "vitest";
import { canMove, nextSteps, TRACKING_PATTERN } from "./fulfilment-flow";

describe("a farmer's order line", () => {
  it("goes paid → packed → ready → collected when picked up", () => {
    expect(nextSteps("WORKSHOP_PICKUP", "PAID")).toEqual(["PACKED", "READY"]);
    expect(nextSteps("FESTIVAL_PICKUP", "PACKED")).toEqual(["READY"]);
    expect(nextSteps("FESTIVAL_PICKUP", "READY")).toEqual(["COLLECTED"]);
    expect(nextSteps("WORKSHOP_PICKUP", "COLLECTED")).toEqual([]);
    expect(canMove("WORKSHOP_PICKUP", "PAID", "SHIPPED")).toBe(false);
  });

  it("goes paid → packed → shipped by courier, and never moves before payment or backwards", () => {
    expect(nextSteps("DELIVERY", "PAID")).toEqual(["PACKED", "SHIPPED"]);
    expect(canMove("DELIVERY", "PACKED", "READY")).toBe(false);
    expect(nextSteps("DELIVERY", "SHIPPED")).toEqual([]);
    expect(nextSteps("DELIVERY", "AWAITING_PAYMENT")).toEqual([]);
    expect(nextSteps("WORKSHOP_PICKUP", "CANCELLED")).toEqual([]);
    expect(canMove("WORKSHOP_PICKUP", "READY", "PACKED")).toBe(false);
  });

  it("accepts tracking numbers as couriers print them", () => {
    expect(TRACKING_PATTERN.test("SF1234567890123")).toBe(true);
    expect(TRACKING_PATTERN.test("YT-88990011")).toBe(true);
    expect(TRACKING_PATTERN.test("12 34")).toBe(false);
    expect(TRACKING_PATTERN.test("=HYPERLINK()")).toBe(false);
  });
});
