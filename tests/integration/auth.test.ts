import { afterAll, describe, expect, it } from "vitest";
import { UserError } from "../../lib/user-error";
import { authenticate } from "../../modules/auth/authenticate";
import { verifyPassword } from "../../modules/auth/password";
import { signUpVisitor } from "../../modules/auth/sign-up";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { PUBLISHED_DEMO_PASSWORD } from "../../prisma/seed/seed";
import { demoPassword as DEMO_PASSWORD, testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("signing up", () => {
  it("creates a visitor with an argon2id hash, never the password itself", async () => {
    const email = `new-${unique()}@example.com`;
    const created = await signUpVisitor(
      {
        name: "李游客",
        email,
        phone: "13812345678",
        password: "Bayberry-June-26",
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
      "en",
    );
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email, role: "VISITOR", phone: "13812345678", locale: "en" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "Bayberry-June-26")).toBe(true);
  });

  it("refuses a taken email and writes nothing", async () => {
    const before = await db.user.count();
    const error = await signUpVisitor(
      {
        name: "x",
        email: "visitor@suoqian.test",
        phone: null,
        password: "Bayberry-June-26",
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
      "zh-CN",
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).fields).toEqual({ email: "validation.email.taken" });
    expect(await db.user.count()).toBe(before);
  });

  it("lets exactly one of two simultaneous sign-ups with the same email through", async () => {
    const email = `race-${unique()}@example.com`;
    const input = {
      name: "x",
      email,
      phone: null,
      password: "Bayberry-June-26",
      privacyConsent: PRIVACY_NOTICE_VERSION,
    };
    const results = await Promise.allSettled([signUpVisitor(input, "zh-CN"), signUpVisitor(input, "zh-CN")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(UserError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("never returns the password hash from ordinary user queries", async () => {
    const user = await db.user.findFirstOrThrow();
    expect(user).not.toHaveProperty("passwordHash");
  });
});

describe("signing in", () => {
  it("accepts the right password and says the role", async () => {
    expect(await authenticate({ email: "ADMIN@suoqian.test ", password: DEMO_PASSWORD })).toMatchObject({
      email: "admin@suoqian.test",
      role: "ADMIN",
    });
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    expect(await authenticate({ email: "admin@suoqian.test", password: "wrong-password" })).toBeNull();
    expect(await authenticate({ email: "nobody@suoqian.test", password: DEMO_PASSWORD })).toBeNull();
    expect(await authenticate({ email: "not an email", password: "x" })).toBeNull();
    expect(await authenticate(undefined)).toBeNull();
  });

  it("no longer lets the password printed in old READMEs sign anyone in", async () => {
    for (const email of ["admin@suoqian.test", "organiser@suoqian.test", "visitor@suoqian.test"]) {
      expect(await authenticate({ email, password: PUBLISHED_DEMO_PASSWORD })).toBeNull();
    }
    expect(await authenticate(undefined)).toBeNull();
  });
});
