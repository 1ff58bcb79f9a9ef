import { describe, expect, it } from "vitest";
import { availabilityUrl, jsonLdText, offerPrice } from "./structured-data";

describe("offerPrice", () => {
  it("writes fen as a decimal string with two places", () => {
    expect(offerPrice(3800)).toBe("38.00");
    expect(offerPrice(19850)).toBe("198.50");
    expect(offerPrice(5)).toBe("0.05");
  });
});

describe("jsonLdText", () => {
  it("cannot be closed by text such as </script>, and still parses to the same data", () => {
    const data = { name: "</script><script>alert(1)</script>", note: "a < b" };
    const text = jsonLdText(data);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(data);
  });
});

describe("availabilityUrl", () => {
  it("names a schema.org ItemAvailability", () => {
    expect(availabilityUrl("PreOrder")).toBe("https://schema.org/PreOrder");
  });
});
