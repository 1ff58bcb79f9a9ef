import { describe, expect, it } from "vitest";
import { changeLines, shortValue } from "./present";

describe("how audit changes read", () => {
  it("shortens values: none as a dash, instants in Suoqian's time, long text and JSON cut", () => {
    expect(shortValue(null)).toBe("—");
    expect(shortValue("")).toBe('""');
    expect(shortValue(1250)).toBe("1250");
    expect(shortValue(false)).toBe("false");
    expect(shortValue("2027-06-11T00:00:00.000Z")).toBe("2027-06-11 08:00");
    expect(shortValue("杨".repeat(80))).toBe(`${"杨".repeat(59)}…`);
    expect(shortValue({ lat: 30.07, lng: 120.29 })).toBe('{"lat":30.07,"lng":120.29}');
    const path = shortValue(Array(10).fill([120.1, 30.1]), 20);
    expect([path.length, path.endsWith("…")]).toEqual([20, true]);
  });

  it("lists fields from → to, lists of added, changed and removed items, and other facts", () => {
    expect(
      changeLines({
        nameEn: { from: "", to: "Bayberry festival" },
        ticketTypes: {
          added: ["家庭票"],
          changed: [
            { name: "入园票", changes: { priceCents: { from: 1250, to: 1500 }, active: { from: true, to: false } } },
          ],
          removed: [],
        },
        reason: "照片看不清。",
      }),
    ).toEqual([
      { kind: "field", field: "nameEn", from: '""', to: "Bayberry festival" },
      {
        kind: "collection",
        field: "ticketTypes",
        added: ["家庭票"],
        changed: ["入园票 (priceCents 1250 → 1500, active true → false)"],
        removed: [],
      },
      { kind: "value", field: "reason", value: "照片看不清。" },
    ]);
  });

  it("reads nothing from an entry without changes", () => {
    expect(changeLines(null)).toEqual([]);
    expect(changeLines([1, 2])).toEqual([]);
  });
});
