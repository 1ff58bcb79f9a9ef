import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AliyunSmsServer, startAliyunSmsServer } from "../../scripts/lib/aliyun-sms-server";
import { createAliyunGateway, TextGatewayError } from "./aliyun";
import { parseSmsSettings, type SmsConfig } from "./settings";

let peer: AliyunSmsServer;
beforeAll(async () => {
  peer = await startAliyunSmsServer();
});
afterAll(() => peer.stop());

function gatewayConfig(secret = peer.accessKeySecret): SmsConfig & { provider: "aliyun" } {
  const parsed = parseSmsSettings({
    SMS_PROVIDER: "aliyun",
    ALIYUN_SMS_ACCESS_KEY_ID: peer.accessKeyId,
    ALIYUN_SMS_ACCESS_KEY_SECRET: secret,
    SMS_SIGN_NAME: "所前游",
    SMS_TEMPLATE_CODE: "SMS_100000001",
    ALIYUN_SMS_ENDPOINT: peer.url,
  });
  if (!parsed.ok || parsed.config.provider !== "aliyun") throw new Error("settings refused");
  return parsed.config;
}

describe("the Aliyun SMS gateway (the official SDK against a local endpoint that checks its signatures)", () => {
  it("sends a text as SendSms with the signature, template code and parameters, signed with the account's key", async () => {
    const sent = await createAliyunGateway(gatewayConfig()).send({
      to: "13900001111",
      templateCode: "SMS_100000001",
      params: { code: "123456" },
    });
    expect(sent.providerRef).toMatch(/\^/);
    expect(peer.texts.at(-1)).toEqual({
      phoneNumbers: "13900001111",
      signName: "所前游",
      templateCode: "SMS_100000001",
      templateParam: { code: "123456" },
      bizId: sent.providerRef,
    });
  });

  it("is refused by the endpoint when signed with another secret, and says so as an error", async () => {
    const before = peer.texts.length;
    const error = await createAliyunGateway(gatewayConfig("not-the-secret"))
      .send({ to: "13900001111", templateCode: "SMS_100000001", params: { code: "1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(peer.refused.at(-1)).toBe("signature mismatch");
    expect(peer.texts.length).toBe(before);
  });

  it("throws the provider's own code when it refuses a text", async () => {
    peer.failNext("isv.BUSINESS_LIMIT_CONTROL");
    const error = await createAliyunGateway(gatewayConfig())
      .send({ to: "13900001111", templateCode: "SMS_100000001", params: { code: "1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextGatewayError);
    expect((error as TextGatewayError).code).toBe("isv.BUSINESS_LIMIT_CONTROL");
  });
});
