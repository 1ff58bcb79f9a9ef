import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "./password";

describe("passwordProblem", () => {
  it("rejects passwords shorter than 8 characters", () => {
    expect(passwordProblem("Ab1!x")).toBe("tooShort");
  });

  it("rejects passwords longer than 128 characters", () => {
    expect(passwordProblem(`Aa1${"x".repeat(200)}`)).toBe("tooLong");
  });

  it.each(["12345678", "password", "woaini1314", "Password1", "aaaaaaaa", "abcdefgh", "11111111a"])(
    "rejects the guessable password %s",
    (pw) => {
      expect(passwordProblem(pw)).toBe("weak");
    },
  );

  it("rejects a password built on the email's name", () => {
    expect(passwordProblem("xiaoming2024", "xiaoming@example.com")).toBe("weak");
  });

  it("accepts a long mixed password", () => {
    expect(passwordProblem("Bayberry-June-26", "visitor@example.com")).toBeNull();
  });
});

describe("password hashing", () => {
  it("stores an argon2id hash that verifies only the right password", async () => {
    const hash = await hashPassword("Bayberry-June-26");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain("Bayberry");
    expect(await verifyPassword(hash, "Bayberry-June-26")).toBe(true);
    expect(await verifyPassword(hash, "bayberry-june-26")).toBe(false);
  });

  it("treats a malformed stored hash as a failed check, not a crash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});
