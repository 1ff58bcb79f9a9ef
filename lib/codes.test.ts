import { describe, expect, it } from "vitest";
import { hashToken, normaliseCode, orderAccessToken, orderLinkKey, randomCode, tokenMatches } from "./codes";

describe("codes", () => {
  it("uses only Crockford base-32 letters, which cannot be misread", () => {
    for (let i = 0; i < 50; i++) expect(randomCode(10)).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });

  it("reads a code typed by hand with look-alike letters, spaces and dashes", () => {
    expect(normaliseCode("sq0o-il 1ab")).toBe("SQ00111AB");
  });

  it("derives an order's access token from a secret, stores only its hash, and matches the token itself", () => {
    const secret = "s".repeat(40);
    const { token, hash } = orderAccessToken("order-1", secret);
    expect(token.length).toBeGreaterThanOrEqual(43);
    expect(orderAccessToken("order-1", secret).token).toBe(token);
    expect(orderAccessToken("order-2", secret).token).not.toBe(token);
    expect(orderAccessToken("order-1", "t".repeat(40)).token).not.toBe(token);
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
    expect(tokenMatches(`${token}x`, hash)).toBe(false);
  });

  it("derives an order's short-link key from a secret: 12 readable letters, its own for each order and secret", () => {
    const secret = "s".repeat(40);
    const key = orderLinkKey("order-1", secret);
    expect(key).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(orderLinkKey("order-1", secret)).toBe(key);
    expect(orderLinkKey("order-2", secret)).not.toBe(key);
    expect(orderLinkKey("order-1", "t".repeat(40))).not.toBe(key);
    expect(orderAccessToken("order-1", secret).token).not.toContain(key);
  });
});
