import { describe, expect, it, vi } from "vitest";

vi.mock("@/lib/env", () => ({ env: { authSecret: "test-secret-of-enough-length-000000" } }));

const { verifiedPhonesIn, withVerifiedPhone, verifiedPhonesCookieValue, verifiedPhonesCookie } = await import(
  "./verified-phones"
);

const now = new Date("2026-12-07T10:00:00Z");

describe("numbers a browser proved", () => {
  it("proves the numbers added, and nothing else", () => {
    const one = withVerifiedPhone(undefined, "13900000001", now);
    const two = withVerifiedPhone(one, "13900000002", now);
    expect([...verifiedPhonesIn(two, now)].sort()).toEqual(["13900000001", "13900000002"]);
    expect(verifiedPhonesIn(undefined, now).size).toBe(0);
  });

  it("refuses an entry moved to another number, re-dated or made up", () => {
    const value = withVerifiedPhone(undefined, "13900000001", now);
    const [, expires, signature] = value.split(".");
    expect(verifiedPhonesIn(`13900000009.${expires}.${signature}`, now).size).toBe(0);
    expect(verifiedPhonesIn(`13900000001.${Number(expires) + 86400}.${signature}`, now).size).toBe(0);
    expect(verifiedPhonesIn("13900000001.99999999999.abc", now).size).toBe(0);
  });

  it("forgets a number after 30 days, and keeps at most four", () => {
    const value = withVerifiedPhone(undefined, "13900000001", now);
    expect(verifiedPhonesIn(value, new Date(now.getTime() + 31 * 86_400_000)).size).toBe(0);
    let many: string | undefined;
    for (let i = 1; i <= 6; i++) many = withVerifiedPhone(many, `1390000000${i}`, now);
    expect([...verifiedPhonesIn(many, now)].sort()).toEqual([
      "13900000003",
      "13900000004",
      "13900000005",
      "13900000006",
    ]);
  });

  it("reads the value from a Cookie header and writes an HttpOnly cookie", () => {
    const value = withVerifiedPhone(undefined, "13900000001", now);
    expect(verifiedPhonesCookieValue(`a=1; sq_phones=${value}; b=2`)).toBe(value);
    expect(verifiedPhonesCookie(value, true)).toMatch(/HttpOnly; SameSite=Lax; Secure$/);
  });
});
