import { describe, expect, it } from "vitest";
import { parseSmsSettings } from "./settings";

const full = {
  SMS_PROVIDER: "aliyun",
  ALIYUN_SMS_ACCESS_KEY_ID: "LTAI5t-key",
  ALIYUN_SMS_ACCESS_KEY_SECRET: "secret",
  SMS_SIGN_NAME: "所前游",
  SMS_TEMPLATE_CODE: "SMS_465000001",
};

describe("the SMS settings", () => {
  it("keep texts in the outbox only when no provider is set", () => {
    expect(parseSmsSettings({})).toEqual({ ok: true, config: { provider: "outbox" } });
  });

  it("choose Aliyun with its keys, signature and templates (English where approved), on Aliyun's host by default", () => {
    const parsed = parseSmsSettings({
      ...full,
      SMS_TEMPLATE_TICKETS: "SMS_465000002",
      SMS_TEMPLATE_TICKETS_EN: "SMS_465000003",
    });
    expect(parsed).toEqual({
      ok: true,
      config: {
        provider: "aliyun",
        accessKeyId: "LTAI5t-key",
        accessKeySecret: "secret",
        signName: "所前游",
        endpoint: { protocol: "HTTPS", host: "dysmsapi.aliyuncs.com" },
        templates: {
          code: { zh: "SMS_465000001", en: undefined },
          tickets: { zh: "SMS_465000002", en: "SMS_465000003" },
        },
      },
    });
  });

  it("refuse a partial set in one line naming what is missing", () => {
    expect(parseSmsSettings({ SMS_PROVIDER: "aliyun", SMS_SIGN_NAME: "所前游" })).toEqual({
      ok: false,
      message:
        "SMS_PROVIDER=aliyun needs ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET, SMS_TEMPLATE_CODE as well",
    });
  });

  it.each([
    [{ SMS_PROVIDER: "twilio" }, "Invalid setting SMS_PROVIDER"],
    [{ ...full, SMS_TEMPLATE_CODE: "hello" }, "Invalid setting SMS_TEMPLATE_CODE"],
    [{ ...full, SMS_TEMPLATE_REMINDER_EN: "SMS_465000009" }, "Invalid setting SMS_TEMPLATE_REMINDER_EN"],
    [{ ...full, ALIYUN_SMS_ENDPOINT: "ftp://sms.example" }, "Invalid setting ALIYUN_SMS_ENDPOINT"],
    [{ ...full, SMS_SIGN_NAME: "签".repeat(31) }, "Invalid setting SMS_SIGN_NAME"],
  ])("refuse a bad value, naming the setting (%j)", (source, start) => {
    const parsed = parseSmsSettings(source);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.message).toMatch(new RegExp(`^${start}`));
  });

  it("take a local endpoint for tests, with its port and plain HTTP", () => {
    const parsed = parseSmsSettings({ ...full, ALIYUN_SMS_ENDPOINT: "http://127.0.0.1:4567" });
    expect(parsed.ok && parsed.config.provider === "aliyun" && parsed.config.endpoint).toEqual({
      protocol: "HTTP",
      host: "127.0.0.1:4567",
    });
  });
});
