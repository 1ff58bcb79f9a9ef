import { describe, expect, it } from "vitest";
import { foldIcs, unfoldIcs } from "./ics-fold";

const octets = (line: string) => Buffer.byteLength(line, "utf8");
const lines = (text: string) => text.split("\r\n").filter((l, i, all) => l !== "" || i < all.length - 1);

describe("folding iCalendar lines by octets", () => {
  it("leaves short lines alone and ends every line with CRLF", () => {
    expect(foldIcs("BEGIN:VCALENDAR\nVERSION:2.0\r\nEND:VCALENDAR\r\n")).toBe(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
    );
    expect(foldIcs("")).toBe("");
  });

  it("folds an ASCII line at exactly 75 octets, continuations at 74 after their space", () => {
    const line = `DESCRIPTION:${"a".repeat(200)}`;
    const folded = foldIcs(`${line}\r\n`);
    const parts = lines(folded);
    expect(parts[0]).toHaveLength(75);
    expect(parts.slice(1).every((p) => p.startsWith(" ") && octets(p) <= 75)).toBe(true);
    expect(octets(parts[1] ?? "")).toBe(75);
    expect(unfoldIcs(folded)).toBe(`${line}\r\n`);
  });

  it("never splits a Chinese character when the 75th octet falls inside one", () => {
    // "LOCATION:" is 9 octets, then 3 a character: 9 + 22 × 3 = 75 fits, so take a
    // prefix of 10 to push the boundary into the middle of the 22nd character.
    const line = `LOCATION:x${"所前镇杜家村杨梅".repeat(6)}`;
    const folded = foldIcs(line);
    const parts = folded.split("\r\n");
    expect(octets(parts[0] ?? "")).toBe(73); // 10 + 21 × 3: the 22nd would end at octet 76
    for (const part of parts) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      // Each piece is whole UTF-8: decoding its bytes gives it back unchanged.
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
      expect(part).not.toContain("\uFFFD");
    }
    expect(unfoldIcs(folded)).toBe(line);
  });

  it("keeps a 4-octet character (outside the BMP) whole", () => {
    const line = `SUMMARY:${"🍒".repeat(40)}`;
    const folded = foldIcs(line);
    for (const part of folded.split("\r\n")) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(part).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(unfoldIcs(folded)).toBe(line);
  });

  it("refolds text the ics package folded by characters with tabs", () => {
    const byCharacters = `LOCATION:${"祥".repeat(66)}\r\n\t${"里".repeat(18)}\r\n`;
    const folded = foldIcs(byCharacters);
    expect(folded).not.toContain("\t");
    expect(lines(folded).every((p) => octets(p) <= 75)).toBe(true);
    expect(unfoldIcs(folded)).toBe(`LOCATION:${"祥".repeat(66)}${"里".repeat(18)}\r\n`);
  });
});
