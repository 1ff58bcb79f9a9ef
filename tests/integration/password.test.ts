import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// What the actions read from the request, stood in for: the client's address (for
// the rate limits), the page's language, and Next's `after`, whose tasks the test
// runs and awaits itself. Set before the app's settings load: a per-address limit
// small enough to reach.
const request = vi.hoisted(() => {
  const setting = process.env.RATE_LIMIT_PASSWORD_RESET;
  process.env.RATE_LIMIT_PASSWORD_RESET = "3/1h";
  return {
    setting,
    address: "203.0.113.5",
    locale: "zh-CN" as "zh-CN" | "en",
    afterTasks: [] as Promise<unknown>[],
  };
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator(request.locale), getLocale: async () => request.locale };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": request.address }) }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    request.afterTasks.push(Promise.resolve().then(task));
  },
}));

import { hashToken } from "../../lib/codes";
import { env } from "../../lib/env";
import { apiTranslator } from "../../lib/i18n/api";
import { UserError } from "../../lib/user-error";
import { changePasswordAction, requestPasswordResetAction, resetPasswordAction } from "../../modules/auth/actions";
import { authenticate, sessionUser } from "../../modules/auth/authenticate";
import { changePassword } from "../../modules/auth/change-password";
import { hashPassword } from "../../modules/auth/password";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "../../modules/auth/password-reset";
import { getCurrentUser } from "../../modules/auth/session";
import { testDb as db } from "../support/db";

const signedIn = vi.mocked(getCurrentUser);
afterAll(async () => {
  // The setting is the process's; leave it as found for whatever runs next in it.
  if (request.setting === undefined) delete process.env.RATE_LIMIT_PASSWORD_RESET;
  else process.env.RATE_LIMIT_PASSWORD_RESET = request.setting;
  await db.$disconnect();
});

const zh = apiTranslator("zh-CN");
const en = apiTranslator("en");
const idle = { status: "idle" } as const;
const OLD = "Bayberry-June-26";
const NEW = "Cherry-April-27";

let addresses = 0;
beforeEach(() => {
  // Each test asks from an address of its own, so the per-address limit is reached only where a test means to.
  request.address = `198.51.100.${++addresses}`;
  request.locale = "zh-CN";
  signedIn.mockResolvedValue(null);
});

/** Runs what the actions left for after their answer (the mails). */
async function afterAnswer() {
  await Promise.all(request.afterTasks.splice(0));
}

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function makeUser(locale: "zh-CN" | "en" = "zh-CN", disabled = false) {
  const user = await db.user.create({
    data: {
      email: `pw-${unique()}@example.com`,
      name: "改密游客",
      passwordHash: await hashPassword(OLD),
      role: "VISITOR",
      locale,
      disabledAt: disabled ? new Date() : null,
    },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
  // The accounts made here all have an e-mail.
  return { ...user, email: user.email ?? "" };
}
type User = Awaited<ReturnType<typeof makeUser>>;

const asUser = (user: User | null) =>
  signedIn.mockResolvedValue(user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null);

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};

const account = (id: string) =>
  db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });

const signsIn = async (email: string, password: string) => (await authenticate({ email, password })) !== null;

/** The tokens of the reset links mailed to an address, oldest first. */
async function mailedTokens(email: string): Promise<string[]> {
  const mails = await db.email.findMany({
    where: { to: email, text: { contains: "/reset-password?token=" } },
    orderBy: { createdAt: "asc" },
  });
  return mails.map((m) => /\/reset-password\?token=([\w-]+)/.exec(m.text)?.[1] ?? "");
}

async function mailedToken(email: string): Promise<string> {
  const tokens = await mailedTokens(email);
  expect(tokens).toHaveLength(1);
  return tokens[0] ?? "";
}

describe("changing the password on the account page", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const user = await makeUser();
    const before = await account(user.id);
    asUser(user);
    const result = await changePasswordAction(
      idle,
      form({ currentPassword: "Not-My-Password-1", newPassword: NEW, repeatPassword: NEW }),
    );
    expect(result).toMatchObject({
      status: "error",
      message: zh("errors.checkFields"),
      fields: { currentPassword: zh("validation.password.wrongCurrent") },
    });
    expect(await account(user.id)).toEqual(before);
    expect(await signsIn(user.email, OLD)).toBe(true);
    expect(await signsIn(user.email, NEW)).toBe(false);
  });

  it("sets the new password, retires the old one and ends every session begun before", async () => {
    const user = await makeUser();
    asUser(user);
    const result = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: NEW, repeatPassword: NEW }),
    );
    expect(result).toEqual({ status: "success", data: { email: user.email } });
    const after = await account(user.id);
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await signsIn(user.email, OLD)).toBe(false);
    // A new sign-in (what the form does next) gets the new session version; older tokens are refused.
    expect(await authenticate({ email: user.email, password: NEW })).toMatchObject({
      sessionVersion: user.sessionVersion + 1,
    });
    expect(await sessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await sessionUser(user.id, after.sessionVersion)).toMatchObject({ id: user.id });
  });

  it("tells the owner by mail, in their language, that the password changed", async () => {
    const user = await makeUser("en");
    asUser(user);
    await changePasswordAction(idle, form({ currentPassword: OLD, newPassword: NEW, repeatPassword: NEW }));
    await afterAnswer();
    const mails = await db.email.findMany({ where: { to: user.email } });
    expect(mails.map((m) => m.subject)).toEqual([en("email.passwordChanged.subject")]);
    expect(mails[0]?.text).toContain(`${env.siteUrl}/en/forgot-password`);
  });

  it("refuses a weak, unchanged or mistyped new password with a field error, writing nothing", async () => {
    const user = await makeUser();
    const before = await account(user.id);
    asUser(user);
    const weak = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: "password", repeatPassword: "password" }),
    );
    expect(weak).toMatchObject({ status: "error", fields: { newPassword: zh("validation.password.weak") } });
    const same = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: OLD, repeatPassword: OLD }),
    );
    expect(same).toMatchObject({ status: "error", fields: { newPassword: zh("validation.password.unchanged") } });
    const mistyped = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: NEW, repeatPassword: `${NEW}x` }),
    );
    expect(mistyped).toMatchObject({ status: "error", fields: { repeatPassword: zh("validation.password.mismatch") } });
    // Built on the account's e-mail name: only the use case knows the e-mail.
    const local = user.email.split("@")[0] ?? "";
    const personal = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: `${local}!A`, repeatPassword: `${local}!A` }),
    );
    expect(personal).toMatchObject({ status: "error", fields: { newPassword: zh("validation.password.weak") } });
    expect(await account(user.id)).toEqual(before);
  });

  it("is refused to a visitor who is not signed in", async () => {
    asUser(null);
    const result = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: NEW, repeatPassword: NEW }),
    );
    expect(result).toMatchObject({ status: "error", message: zh("errors.signInRequired") });
  });

  it("lets only one of two simultaneous changes from the same password count", async () => {
    const user = await makeUser();
    const results = await Promise.allSettled([
      changePassword(user.id, { currentPassword: OLD, newPassword: NEW }),
      changePassword(user.id, { currentPassword: OLD, newPassword: "Plum-Blossom-33" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(refused?.status === "rejected" && refused.reason).toBeInstanceOf(UserError);
    expect((await account(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
    expect([await signsIn(user.email, NEW), await signsIn(user.email, "Plum-Blossom-33")].sort()).toEqual([
      false,
      true,
    ]);
  });

  it("stops guessing of the current password at the account's sign-in limit", async () => {
    const user = await makeUser();
    asUser(user);
    const guess = () =>
      changePasswordAction(idle, form({ currentPassword: "Wrong-Guess-99", newPassword: NEW, repeatPassword: NEW }));
    for (let i = 0; i < (env.rateLimits.signIn?.points ?? 10); i++) {
      expect(await guess()).toMatchObject({ fields: { currentPassword: zh("validation.password.wrongCurrent") } });
    }
    const right = await changePasswordAction(
      idle,
      form({ currentPassword: OLD, newPassword: NEW, repeatPassword: NEW }),
    );
    expect(right).toMatchObject({ status: "error", message: expect.stringMatching(/^尝试次数过多/) });
    expect(await signsIn(user.email, OLD)).toBe(true);
  });
});

describe("asking for a reset link", () => {
  it("answers the same for an existing and an unknown address, and mails only the existing one", async () => {
    const user = await makeUser();
    const unknown = `nobody-${unique()}@example.com`;
    const known = await requestPasswordResetAction(idle, form({ email: user.email }));
    const stranger = await requestPasswordResetAction(idle, form({ email: unknown }));
    expect(known).toEqual({ status: "success", data: { email: user.email } });
    expect(stranger).toEqual({ status: "success", data: { email: unknown } });
    await afterAnswer();
    expect(await db.email.count({ where: { to: unknown } })).toBe(0);
    const mail = await db.email.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.subject).toBe(zh("email.passwordReset.subject"));
    expect(mail.text).toContain(`${env.siteUrl}/reset-password?token=`);
    expect(mail.html).toContain(`${env.siteUrl}/reset-password?token=`);
    expect(await isResetTokenUsable(await mailedToken(user.email))).toBe(true);
  });

  it("stores only a SHA-256 of the token, valid for one hour", async () => {
    const user = await makeUser();
    const asked = Date.now();
    await requestPasswordReset(user.email, "zh-CN");
    const token = await mailedToken(user.email);
    expect(token).toMatch(/^[\w-]{43}$/);
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.usedAt).toBeNull();
    const validFor = row.expiresAt.getTime() - asked;
    expect(validFor).toBeGreaterThanOrEqual(3600_000 - 1000);
    expect(validFor).toBeLessThanOrEqual(3600_000 + 5000);
  });

  it("writes the mail in the account's language, whatever the page's", async () => {
    const user = await makeUser("en");
    await requestPasswordResetAction(idle, form({ email: user.email }));
    await afterAnswer();
    const mail = await db.email.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.subject).toBe(en("email.passwordReset.subject"));
    expect(mail.text).toContain(`${env.siteUrl}/en/reset-password?token=`);
  });

  it("sends nothing for a disabled account, with the same answer", async () => {
    const user = await makeUser("zh-CN", true);
    expect(await requestPasswordResetAction(idle, form({ email: user.email }))).toEqual({
      status: "success",
      data: { email: user.email },
    });
    await afterAnswer();
    expect(await db.email.count({ where: { to: user.email } })).toBe(0);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(0);
  });

  it("past the per-e-mail limit answers the same and sends no more mails", async () => {
    const user = await makeUser();
    const limit = env.rateLimits.passwordResetEmail?.points ?? 5;
    for (let i = 0; i <= limit; i++) {
      request.address = `192.0.2.${i + 1}`;
      expect(await requestPasswordResetAction(idle, form({ email: user.email }))).toEqual({
        status: "success",
        data: { email: user.email },
      });
    }
    await afterAnswer();
    expect(await db.email.count({ where: { to: user.email } })).toBe(limit);
  });

  it("refuses past the per-address limit with the rate-limited error in the page's language", async () => {
    const user = await makeUser();
    for (let i = 0; i < 3; i++) {
      expect(await requestPasswordResetAction(idle, form({ email: user.email }))).toMatchObject({ status: "success" });
    }
    const refused = await requestPasswordResetAction(idle, form({ email: `nobody-${unique()}@example.com` }));
    expect(refused).toEqual({
      status: "error",
      message: zh("errors.rateLimited", { minutes: 60 }),
      fields: {},
      values: { email: expect.any(String) },
    });
    request.locale = "en";
    const refusedEn = await requestPasswordResetAction(idle, form({ email: user.email }));
    expect(refusedEn).toMatchObject({ status: "error", message: en("errors.rateLimited", { minutes: 60 }) });
    await afterAnswer();
    expect(await db.email.count({ where: { to: user.email } })).toBe(3);
  });

  it("refuses a malformed address with a field error", async () => {
    const result = await requestPasswordResetAction(idle, form({ email: "not-an-email" }));
    expect(result).toMatchObject({ status: "error", fields: { email: zh("validation.email.invalid") } });
  });
});

describe("setting a new password with the link", () => {
  async function linkFor(user: User) {
    await requestPasswordReset(user.email, "zh-CN");
    return mailedToken(user.email);
  }
  const reset = (token: string, password = NEW, repeat = password) =>
    resetPasswordAction(idle, form({ token, newPassword: password, repeatPassword: repeat }));

  it("opens the reset with the mailed token: new password in, old out, every session ended", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    expect(await reset(token)).toEqual({ status: "success", data: { reset: true } });
    expect(await signsIn(user.email, NEW)).toBe(true);
    expect(await signsIn(user.email, OLD)).toBe(false);
    expect((await account(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
    expect(await sessionUser(user.id, user.sessionVersion)).toBeNull();
    const row = await db.passwordReset.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.usedAt).not.toBeNull();
    await afterAnswer();
    const subjects = (await db.email.findMany({ where: { to: user.email } })).map((m) => m.subject);
    expect(subjects).toContain(zh("email.passwordChanged.subject"));
  });

  it("works only once", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    expect(await reset(token)).toMatchObject({ status: "success" });
    expect(await isResetTokenUsable(token)).toBe(false);
    const again = await reset(token, "Plum-Blossom-33");
    expect(again).toMatchObject({ status: "error", message: zh("auth.reset.invalidLink"), fields: {} });
    expect(await signsIn(user.email, NEW)).toBe(true);
    expect(await signsIn(user.email, "Plum-Blossom-33")).toBe(false);
    expect((await account(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("lets only one of two simultaneous uses of a token through", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    const results = await Promise.allSettled([resetPassword(token, NEW), resetPassword(token, "Plum-Blossom-33")]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await account(user.id)).sessionVersion).toBe(user.sessionVersion + 1);
  });

  it("refuses an expired token and changes nothing", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    await db.passwordReset.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await isResetTokenUsable(token)).toBe(false);
    expect(await reset(token)).toMatchObject({ status: "error", message: zh("auth.reset.invalidLink") });
    expect(await signsIn(user.email, OLD)).toBe(true);
    expect(await account(user.id)).toMatchObject({ sessionVersion: user.sessionVersion });
  });

  it("refuses a made-up or malformed token", async () => {
    for (const token of ["A".repeat(43), "short", "", `${"B".repeat(43)}'--`]) {
      expect(await reset(token)).toMatchObject({ status: "error", message: zh("auth.reset.invalidLink") });
    }
    const missing = await resetPasswordAction(idle, form({ newPassword: NEW, repeatPassword: NEW }));
    expect(missing).toMatchObject({ status: "error", message: zh("auth.reset.invalidLink") });
  });

  it("refuses a weak new password with a field error and leaves the link usable", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    expect(await reset(token, "12345678")).toMatchObject({
      status: "error",
      fields: { newPassword: zh("validation.password.weak") },
    });
    expect(await reset(token, NEW, "Different-Pass-1")).toMatchObject({
      status: "error",
      fields: { repeatPassword: zh("validation.password.mismatch") },
    });
    expect(await signsIn(user.email, OLD)).toBe(true);
    expect(await isResetTokenUsable(token)).toBe(true);
  });

  it("voids the account's other links once one is used", async () => {
    const user = await makeUser();
    await requestPasswordReset(user.email, "zh-CN");
    await requestPasswordReset(user.email, "zh-CN");
    const [first, second] = await mailedTokens(user.email);
    expect(await reset(first ?? "")).toMatchObject({ status: "success" });
    expect(await reset(second ?? "", "Plum-Blossom-33")).toMatchObject({ message: zh("auth.reset.invalidLink") });
    expect(await signsIn(user.email, NEW)).toBe(true);
  });

  it("is voided by a password change on the account page", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    await changePassword(user.id, { currentPassword: OLD, newPassword: NEW });
    expect(await reset(token, "Plum-Blossom-33")).toMatchObject({ message: zh("auth.reset.invalidLink") });
    expect(await signsIn(user.email, NEW)).toBe(true);
  });

  it("refuses a link of an account disabled since", async () => {
    const user = await makeUser();
    const token = await linkFor(user);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await reset(token)).toMatchObject({ message: zh("auth.reset.invalidLink") });
  });
});
