import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// Texts through a real SMS gateway: Aliyun SMS's own SDK against a local endpoint that
// checks the SDK's signatures as Aliyun documents them and records what it was sent.
// The SMS_* settings are set here, hoisted above the imports, so the app's own config
// parsing chooses the gateway (lib/sms/send.ts#textGateway) as in production.
const peer = await vi.hoisted(async () => {
  const { startAliyunSmsServer } = await import("../../scripts/lib/aliyun-sms-server");
  const server = await startAliyunSmsServer();
  vi.stubEnv("SMS_PROVIDER", "aliyun");
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_ID", server.accessKeyId);
  vi.stubEnv("ALIYUN_SMS_ACCESS_KEY_SECRET", server.accessKeySecret);
  vi.stubEnv("ALIYUN_SMS_ENDPOINT", server.url);
  vi.stubEnv("SMS_SIGN_NAME", "所前游");
  vi.stubEnv("SMS_TEMPLATE_CODE", "SMS_100000001");
  vi.stubEnv("SMS_TEMPLATE_CODE_EN", "SMS_100000002");
  return server;
});

import { env } from "../../lib/env";
import { sendTextMessage } from "../../lib/sms/send";
import { requestContactCode } from "../../modules/account/request-contact-code";
import { hashPassword } from "../../modules/auth/password";
import { testDb as db } from "../support/db";

afterAll(async () => {
  vi.unstubAllEnvs();
  await peer.stop();
  await db.$disconnect();
});

let numbers = 0;
const mobile = () => `136${String(Date.now() % 10_000).padStart(4, "0")}${String(++numbers).padStart(4, "0")}`;

async function visitor(locale: "zh-CN" | "en") {
  return db.user.create({
    data: {
      email: `sms-${randomUUID()}@example.com`,
      name: "短信游客",
      passwordHash: await hashPassword("Sms-test-2026"),
      role: "VISITOR",
      locale,
    },
    select: { id: true },
  });
}

const lastText = (to: string) => db.textMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: "desc" } });

describe("texts through Aliyun SMS", () => {
  it("chooses the gateway once from the settings", () => {
    expect(env.sms).toMatchObject({ provider: "aliyun", signName: "所前游", endpoint: { protocol: "HTTP" } });
  });

  it("sends a verification code as the code template with the code as its parameter; the outbox keeps the text and the provider's id", async () => {
    const user = await visitor("zh-CN");
    const to = mobile();
    await requestContactCode(user.id, { channel: "PHONE", address: to });
    const received = peer.texts.filter((t) => t.phoneNumbers === to);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ signName: "所前游", templateCode: "SMS_100000001" });
    const code = received[0]?.templateParam.code ?? "";
    expect(code).toMatch(/^\d{6}$/);
    const row = await lastText(to);
    expect(row).toMatchObject({ kind: "code", templateCode: "SMS_100000001", provider: "aliyun", error: null });
    expect(row.providerRef).toBe(received[0]?.bizId);
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.text).toContain(code);
    expect(JSON.parse(row.templateParams ?? "{}")).toEqual({ code });
  });

  it("uses the English template for a visitor who reads English", async () => {
    const user = await visitor("en");
    const to = mobile();
    await requestContactCode(user.id, { channel: "PHONE", address: to });
    expect(peer.texts.find((t) => t.phoneNumbers === to)?.templateCode).toBe("SMS_100000002");
    expect((await lastText(to)).templateCode).toBe("SMS_100000002");
  });

  it("never fails what sent it when the gateway refuses: the outbox keeps the text and the provider's error", async () => {
    const user = await visitor("zh-CN");
    const to = mobile();
    peer.failNext("isv.BUSINESS_LIMIT_CONTROL");
    await expect(requestContactCode(user.id, { channel: "PHONE", address: to })).resolves.toEqual({
      alreadyVerified: false,
    });
    const row = await lastText(to);
    expect(row.sentAt).toBeNull();
    expect(row.error).toContain("isv.BUSINESS_LIMIT_CONTROL");
    expect(peer.texts.some((t) => t.phoneNumbers === to)).toBe(false);
  });

  it("keeps a text of a kind with no template set, with the reason, and sends nothing", async () => {
    const to = mobile();
    const outcome = await sendTextMessage({
      to,
      kind: "reminder",
      params: { festival: "杨梅节", time: "09:00", link: "https://suoqian.example/orders/x" },
      text: "明天 09:00 杨梅节",
      locale: "zh-CN",
    });
    expect(outcome.status).toBe("failed");
    expect((await lastText(to)).error).toBe('no SMS template is set for texts of kind "reminder"');
    expect(peer.texts.some((t) => t.phoneNumbers === to)).toBe(false);
  });
});
