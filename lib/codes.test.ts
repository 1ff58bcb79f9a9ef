import { describe, expect, it } from "vitest";
import { hashToken, newAccessToken, normaliseCode, randomCode, tokenMatches } from "./codes";

describe("codes", () => {
  it("uses only Crockford base-32 letters, which cannot be misread", () => {
    for (let i = 0; i < 50; i++) expect(randomCode(10)).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it("reads a code typed by hand with look-alike letters, spaces and dashes", () => {
    expect(normaliseCode("sq0o-il 1ab")).toBe("SQ00111AB");
  });

  it("stores only a hash of an access token and matches the token itself", () => {
    const { token, hash } = newAccessToken();
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(`${token}x`, hash)).toBe(false);
  });
});
