import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

describe("formatMoney", () => {
  it("formats integer fen as yuan", () => {
    expect(formatMoney(8800, "CNY", "zh-CN")).toBe("¥88.00");
    expect(formatMoney(3050, "CNY", "en")).toBe("CN¥30.50");
  });

  it("writes renminbi exactly as Intl does, in both languages", () => {
    const amounts = [0, 1, 5, 99, 100, 8800, 123450, 99999999, 123456789, -500, -1, 100000000000];
    for (const locale of ["zh-CN", "en"]) {
      const intl = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY" });
      for (const cents of amounts) expect(formatMoney(cents, "CNY", locale)).toBe(intl.format(cents / 100));
    }
  });

  it("formats other currencies through Intl", () => {
    expect(formatMoney(1999, "USD", "en")).toBe("$19.99");
    expect(formatMoney(1999, "EUR", "en")).toBe(
      new Intl.NumberFormat("en", { style: "currency", currency: "EUR" }).format(19.99),
    );
  });
});
