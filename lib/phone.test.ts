import { describe, expect, it } from "vitest";
import { normaliseChineseMobile } from "./phone";

describe("normaliseChineseMobile", () => {
  it.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["+86 138-1234-5678", "13812345678"],
    ["8613812345678", "13812345678"],
  ])("accepts %s", (input, expected) => {
    expect(normaliseChineseMobile(input)).toBe(expected);
  });

  it.each(["12812345678", "1381234567", "138123456789", "0571-8000-0001", "abc"])("rejects %s", (input) => {
    expect(normaliseChineseMobile(input)).toBeNull();
  });
});
