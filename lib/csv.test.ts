import { describe, expect, it } from "vitest";
import { safeCell, toExcelCsv } from "./csv";

describe("the bookings CSV", () => {
  it("starts with a byte-order mark, quotes every field and ends lines with CRLF", () => {
    const csv = toExcelCsv(["姓名", "金额"], [['杨梅 "王"', 80]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('"姓名","金额"\r\n"杨梅 ""王""","80"\r\n');
  });

  it("keeps cells from running as spreadsheet formulas", () => {
    expect(safeCell('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(safeCell("+86 139")).toBe("'+86 139");
    expect(safeCell("-1")).toBe("'-1");
    expect(safeCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(safeCell(-5)).toBe("-5");
    expect(safeCell("王小明")).toBe("王小明");
    expect(safeCell(null)).toBe("");
  });
});
