import { afterAll, describe, expect, it, vi } from "vitest";

// What the sign-up action reads from the request, stood in for: the client's address, the
// page's language, and Next's `after`, whose tasks run at once.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN"), getLocale: async () => "zh-CN" };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.77" }) }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    void Promise.resolve().then(task);
  },
}));

import { UserError } from "../../lib/user-error";
import { signUpAction } from "../../modules/auth/actions";
import { authenticate } from "../../modules/auth/authenticate";
import { verifyPassword } from "../../modules/auth/password";
import { confirmSignUp, requestSignUp } from "../../modules/auth/sign-up";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { PUBLISHED_DEMO_PASSWORD } from "../../prisma/seed/seed";
import { demoPassword as DEMO_PASSWORD, testDb as db } from "../support/db";
import { mailedSignUpToken } from "../support/sign-up";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

afterAll(() => db.$disconnect());

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

describe("signing up", () => {
  const input = (email: string) => ({
    name: "李游客",
    email,
    phone: "13812345678",
    password: "Bayberry-June-26",
    privacyConsent: PRIVACY_NOTICE_VERSION,
  });

  it("makes the visitor's account only when the mailed link is used, with an argon2id hash, never the password itself", async () => {
    const email = `new-${unique()}@example.com`;
    await requestSignUp(input(email), "en");
    expect(await db.user.count({ where: { email } })).toBe(0);
    const token = await mailedSignUpToken(email);
    const created = await confirmSignUp(token);
    const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, omit: { passwordHash: false } });
    expect(user).toMatchObject({ email, role: "VISITOR", phone: "13812345678", locale: "en" });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, "Bayberry-June-26")).toBe(true);
    // The link works once.
    await expect(confirmSignUp(token)).rejects.toMatchObject({ key: "auth.signUpConfirm.invalidLink" });
  });

  it("answers a taken e-mail exactly as a new one, writes nothing, and mails its owner how to sign in", async () => {
    const before = await db.user.count();
    const taken = "visitor@suoqian.test";
    const fresh = `fresh-${unique()}@example.com`;
    const answer = async (email: string) => signUpAction({ status: "idle" }, form({ ...input(email), phone: "" }));
    expect(await answer(taken)).toEqual({ status: "success", data: { email: taken } });
    expect(await answer(fresh)).toEqual({ status: "success", data: { email: fresh } });
    await vi.waitFor(async () => expect(await db.email.count({ where: { to: taken } })).toBeGreaterThan(0));
    const mail = await db.email.findFirstOrThrow({ where: { to: taken }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toContain("已经有账户");
    expect(mail.text).toContain("/forgot-password");
    expect(await db.pendingSignUp.count({ where: { email: taken } })).toBe(0);
    await vi.waitFor(async () => expect(await db.pendingSignUp.count({ where: { email: fresh } })).toBe(1));
    expect(await db.user.count()).toBe(before);
  });

  it("refuses an expired link, and makes exactly one account of two links used at once", async () => {
    const email = `race-${unique()}@example.com`;
    await requestSignUp(input(email), "zh-CN");
    const first = await mailedSignUpToken(email);
    await requestSignUp(input(email), "zh-CN");
    const second = await mailedSignUpToken(email);
    await expect(confirmSignUp(first, new Date(Date.now() + 61 * 60_000))).rejects.toMatchObject({
      key: "auth.signUpConfirm.invalidLink",
    });
    const results = await Promise.allSettled([confirmSignUp(first), confirmSignUp(second)]);
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
