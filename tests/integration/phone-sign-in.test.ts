import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Signing up and in with a mobile number and a texted code, through the real SMS
// gateway (Aliyun's SDK against a local endpoint that checks its signatures), with the
// proof of work the browser solves first and the per-number limits.
const peer = await vi.hoisted(async () => {
  const { startAliyunSmsServer } = await import("../../scripts/lib/aliyun-sms-server");
  const server = await startAliyunSmsServer();
  vi.stubEnv("SMS_PROVIDER", "aliyun");
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_ID", server.accessKeyId);
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_SECRET", server.accessKeySecret);
  vi.stubEnv("ALIYUN_SMS_ENDPOINT", server.url);
  vi.stubEnv("SMS_SIGN_NAME", "所前游");
  vi.stubEnv("SMS_TEMPLATE_CODE", "SMS_200000001");
  return server;
});

import { env } from "../../lib/env";
import { consumeLimit } from "../../lib/rate-limit/limiter";
import { accountOrders } from "../../modules/account/account-scope";
import { deleteAccount } from "../../modules/account/delete-account";
import { requestContactCode } from "../../modules/account/request-contact-code";
import { verifyContactCode } from "../../modules/account/verify-contact-code";
import { AccountDisabledError } from "../../modules/auth/authenticate";
import { hashPassword } from "../../modules/auth/password";
import { challengeResponse, sendCodeResponse, verifyCodeResponse } from "../../modules/auth/phone-code-api";
import { authorizePhone, PhoneSignInError } from "../../modules/auth/phone-sign-in";
import { verifiedPhonesCookieValue, verifiedPhonesIn } from "../../modules/auth/verified-phones";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { testDb as db } from "../support/db";

afterAll(async () => {
  vi.unstubAllEnvs();
  await peer.stop();
  await db.$disconnect();
});
afterEach(() => {
  vi.useRealTimers();
});

let numbers = 0;
let addresses = 0;
const mobile = () => `135${String(Date.now() % 10_000).padStart(4, "0")}${String(++numbers).padStart(4, "0")}`;
const address = () => `198.51.100.${++addresses}`;

async function solvedProof() {
  const challenge = await (await challengeResponse()).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  return { challenge, solution };
}

const post = (body: unknown) =>
  new Request("http://127.0.0.1/api/phone-codes", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function askCode(phone: string, from = address(), proof?: unknown) {
  const res = await sendCodeResponse(post({ phone, proof: proof ?? (await solvedProof()) }), {
    locale: "zh-CN",
    address: from,
    userId: null,
  });
  return { status: res.status, body: await res.json(), retryAfter: res.headers.get("retry-after") };
}

/** The code the local SMS endpoint received last for the number. */
function textedCode(phone: string): string {
  const text = peer.texts.filter((t) => t.phoneNumbers === phone).at(-1);
  if (!text) throw new Error(`no text reached ${phone}`);
  return text.templateParam.code ?? "";
}

const otherCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("phone codes", () => {
  it("need a solved proof of work, once: none, a made-up one and a spent one are refused, and nothing is texted", async () => {
    const phone = mobile();
    const none = await sendCodeResponse(post({ phone }), { locale: "zh-CN", address: address(), userId: null });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ error: "invalid_proof" });
    const proof = await solvedProof();
    const forged = { ...proof, solution: { counter: 1, derivedKey: "00".repeat(32) } };
    expect((await askCode(phone, address(), forged)).body).toMatchObject({ error: "invalid_proof" });
    expect(peer.texts.some((t) => t.phoneNumbers === phone)).toBe(false);

    expect((await askCode(phone, address(), proof)).status).toBe(200);
    const again = await askCode(mobile(), address(), proof);
    expect(again).toMatchObject({ status: 400, body: { error: "invalid_proof" } });
  });

  it("refuses a number that is not a mainland mobile, naming the field", async () => {
    const res = await askCode("12345");
    expect(res.status).toBe(400);
    expect(res.body.fields.phone).toContain("手机号");
  });

  it("sends one code a minute per number: the 61st second allows a new one, which replaces the first", async () => {
    const phone = mobile();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const first = await askCode(phone);
    expect(first).toMatchObject({ status: 200, body: { sent: true, expiresIn: 300, resendIn: 60 } });
    expect(first.body.phone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    const firstCode = textedCode(phone);
    vi.setSystemTime(Date.now() + 30_000);
    const early = await askCode(phone);
    expect(early.status).toBe(429);
    expect(Number(early.retryAfter)).toBeGreaterThan(0);
    expect(Number(early.retryAfter)).toBeLessThanOrEqual(30);
    vi.setSystemTime(Date.now() + 31_000);
    expect((await askCode(phone)).status).toBe(200);
    const secondCode = textedCode(phone);
    // The first code no longer works; the second does.
    if (firstCode !== secondCode) {
      await expect(authorizePhone({ phone, code: firstCode, privacyConsent: PRIVACY_NOTICE_VERSION })).rejects.toThrow(
        PhoneSignInError,
      );
    }
    await expect(
      authorizePhone({ phone, code: secondCode, privacyConsent: PRIVACY_NOTICE_VERSION }),
    ).resolves.toMatchObject({ role: "VISITOR", email: null });
  });

  it("sends at most 5 an hour and 10 a day to one number, from any address", async () => {
    const phone = mobile();
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      vi.setSystemTime(start + i * 61_000);
      statuses.push((await askCode(phone)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const day: number[] = [];
    for (let hour = 1; hour <= 3; hour++) {
      for (let i = 0; i < 5; i++) {
        vi.setSystemTime(start + hour * 3_601_000 + i * 61_000);
        day.push((await askCode(phone)).status);
      }
    }
    // 5 in the first hour, 5 in the second: the day's 10; the third hour gets none.
    expect(day).toEqual([...Array(5).fill(200), ...Array(10).fill(429)]);
  });

  it("sends at most the address's allowance an hour (100 by default), whatever the numbers", async () => {
    const from = address();
    expect(env.rateLimits.phoneCodeAddress).toEqual({ points: 100, durationSeconds: 3600 });
    // 99 codes already went to other numbers from this address this hour.
    for (let i = 0; i < 99; i++) expect((await consumeLimit("phoneCodeAddress", from)).ok).toBe(true);
    const last = mobile();
    expect((await askCode(last, from)).status).toBe(200);
    const refused = mobile();
    expect((await askCode(refused, from)).status).toBe(429);
    expect(peer.texts.some((t) => t.phoneNumbers === refused)).toBe(false);
    // Another address still gets its codes.
    expect((await askCode(refused, address())).status).toBe(200);
  });
});

describe("signing up and in by phone", () => {
  it("makes an account with only a phone on the first right code, and signs the same account in afterwards", async () => {
    const phone = mobile();
    await askCode(phone);
    const first = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    const account = await db.user.findUniqueOrThrow({ where: { id: first.id } });
    expect(account).toMatchObject({ email: null, verifiedPhone: phone, phone, role: "VISITOR" });
    expect(account.privacyConsentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(account.name).not.toContain(phone);

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    await askCode(phone);
    // Written as the world writes it (+86, spaces): the same number.
    const again = await authorizePhone({
      phone: `+86 ${phone.slice(0, 3)} ${phone.slice(3)}`,
      code: textedCode(phone),
    });
    expect(again.id).toBe(first.id);
  });

  it("uses a code once: the same code again is refused", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    await authorizePhone({ phone, code, privacyConsent: PRIVACY_NOTICE_VERSION });
    await expect(authorizePhone({ phone, code })).rejects.toMatchObject({ reason: "CodeExpired" });
  });

  it("locks a code after 5 wrong guesses, even the right one, and says how many tries are left before", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    const reasons: string[] = [];
    for (let i = 0; i < 5; i++) {
      const error = await authorizePhone({ phone, code: otherCode(code) }).catch((e: PhoneSignInError) => e);
      reasons.push(error instanceof PhoneSignInError ? error.message : "signed in");
    }
    expect(reasons).toEqual(["CodeWrong:4", "CodeWrong:3", "CodeWrong:2", "CodeWrong:1", "CodeLocked"]);
    await expect(authorizePhone({ phone, code, privacyConsent: PRIVACY_NOTICE_VERSION })).rejects.toMatchObject({
      reason: "CodeLocked",
    });
    expect(await db.user.count({ where: { verifiedPhone: phone } })).toBe(0);
  });

  it("counts guesses sent at once: 20 parallel wrong guesses use the 5 tries and no more", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    await Promise.allSettled(Array.from({ length: 20 }, () => authorizePhone({ phone, code: otherCode(code) })));
    const row = await db.phoneCode.findFirstOrThrow({ where: { phone }, orderBy: { createdAt: "desc" } });
    expect(row.attempts).toBe(5);
    await expect(authorizePhone({ phone, code })).rejects.toMatchObject({ reason: "CodeLocked" });
  });

  it("refuses a code after 5 minutes", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    await expect(authorizePhone({ phone, code }, new Date(Date.now() + 5 * 60_000 + 1000))).rejects.toMatchObject({
      reason: "CodeExpired",
    });
  });

  it("asks a new number to agree to the privacy notice before making its account; the code still works then", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    await expect(authorizePhone({ phone, code })).rejects.toMatchObject({ reason: "ConsentRequired" });
    expect(await db.user.count({ where: { verifiedPhone: phone } })).toBe(0);
    await expect(authorizePhone({ phone, code, privacyConsent: PRIVACY_NOTICE_VERSION })).resolves.toMatchObject({
      role: "VISITOR",
    });
  });

  it("keeps a disabled account out, with the right code", async () => {
    const phone = mobile();
    await askCode(phone);
    const user = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    await askCode(phone);
    await expect(authorizePhone({ phone, code: textedCode(phone) })).rejects.toBeInstanceOf(AccountDisabledError);
  });

  it("lists the guest orders placed with the number in the new account", async () => {
    const phone = mobile();
    const guestOrder = await db.order.create({
      data: {
        code: `SQP${numbers}${Date.now() % 100000}`,
        customerName: "手机游客",
        customerPhone: phone,
        customerEmail: `guest-${phone}@example.com`,
        totalCents: 3800,
        expiresAt: new Date(Date.now() + 60_000),
        accessTokenHash: "x",
      },
    });
    await askCode(phone);
    const user = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    const mine = await db.order.findMany({ where: await accountOrders(user.id), select: { id: true } });
    expect(mine.map((o) => o.id)).toContain(guestOrder.id);
  });
});

describe("proving a number in this browser", () => {
  it("sets a signed cookie for the number with the right code, and nothing with a wrong one", async () => {
    const phone = mobile();
    await askCode(phone);
    const code = textedCode(phone);
    const verify = (body: unknown) =>
      verifyCodeResponse(
        new Request("http://127.0.0.1/api/phone-codes/verify", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { locale: "en", address: address(), userId: null },
      );
    const wrong = await verify({ phone, code: otherCode(code) });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_code", attemptsLeft: 4 });
    expect(wrong.headers.get("set-cookie")).toBeNull();
    expect((await verify({ phone, code: "12ab" })).status).toBe(400);

    const right = await verify({ phone, code });
    expect(right.status).toBe(200);
    const cookie = right.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    const value = verifiedPhonesCookieValue(cookie.split(";")[0] ?? "");
    expect([...verifiedPhonesIn(value)]).toEqual([phone]);
  });
});

describe("an account made with a phone number", () => {
  it("deletes itself with a code texted to its number (it has no password), and the number may start again", async () => {
    const phone = mobile();
    await askCode(phone);
    const user = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    await expect(deleteAccount(user.id, { password: "anything" })).rejects.toMatchObject({
      fields: { code: "phone.errors.codeExpired" },
    });
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    await askCode(phone);
    const code = textedCode(phone);
    await expect(deleteAccount(user.id, { code: otherCode(code) })).rejects.toMatchObject({
      fields: { code: "phone.errors.codeWrong" },
    });
    await deleteAccount(user.id, { code });
    const gone = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(gone).toMatchObject({ verifiedPhone: null, phone: null });
    expect(gone.deletedAt).toBeInstanceOf(Date);
    // The texts to the number it proved are erased.
    expect(await db.textMessage.count({ where: { to: phone } })).toBe(0);
    vi.setSystemTime(Date.now() + 61_000);
    await askCode(phone);
    const fresh = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    expect(fresh.id).not.toBe(user.id);
  });

  it("adds an e-mail by proving it; an e-mail account proving a free number gets it to sign in with", async () => {
    const phone = mobile();
    await askCode(phone);
    const user = await authorizePhone({ phone, code: textedCode(phone), privacyConsent: PRIVACY_NOTICE_VERSION });
    const email = `phone-${phone}@example.com`;
    await requestContactCode(user.id, { channel: "EMAIL", address: email });
    const mail = await db.email.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    await verifyContactCode(user.id, { channel: "EMAIL", address: email, code: /\d{6}/.exec(mail.text)?.[0] ?? "" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(email);

    const other = mobile();
    const emailUser = await db.user.create({
      data: { email: `adopt-${other}@example.com`, name: "邮箱用户", passwordHash: await hashPassword("Adopt-2026-x") },
    });
    await requestContactCode(emailUser.id, { channel: "PHONE", address: other });
    await verifyContactCode(emailUser.id, { channel: "PHONE", address: other, code: textedCode(other) });
    expect((await db.user.findUniqueOrThrow({ where: { id: emailUser.id } })).verifiedPhone).toBe(other);
  });
});

describe("deleting an account", () => {
  it("erases no text of a number it only typed: someone else's outbox rows stay", async () => {
    const victim = mobile();
    await askCode(victim);
    const password = "Victim-test-2026";
    const squatter = await db.user.create({
      data: {
        email: `squatter-${victim}@example.com`,
        name: "冒用",
        phone: victim,
        passwordHash: await hashPassword(password),
      },
    });
    await deleteAccount(squatter.id, password);
    expect(await db.textMessage.count({ where: { to: victim } })).toBe(1);
  });
});
