import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats integer fen as yuan", () => {
    expect(formatMoney(8800, "CNY", "zh-CN")).toBe("¥88.00");
    expect(formatMoney(3050, "CNY", "en")).toBe("CN¥30.50");
  });
});
