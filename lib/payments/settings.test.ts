import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAlipaySettings } from "./alipay/settings";
import { parseWechatPaySettings } from "./wechatpay/settings";

const rsa = () => generateKeyPairSync("rsa", { modulusLength: 2048 });
const merchant = rsa();
const platform = rsa();
const pkcs8 = merchant.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const pkcs1 = merchant.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const spki = platform.publicKey.export({ type: "spki", format: "pem" }).toString();

const wechat = {
  WECHATPAY_MCHID: "1900000001",
  WECHATPAY_APPID: "wx0000000000000001",
  WECHATPAY_MERCHANT_SERIAL: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
  WECHATPAY_PRIVATE_KEY: pkcs8,
  WECHATPAY_API_V3_KEY: "0123456789abcdefghijklmnopqrstuv",
  WECHATPAY_PUBLIC_KEY: spki,
  WECHATPAY_PUBLIC_KEY_ID: "PUB_KEY_ID_0114232134912410000000000000",
};

describe("WeChat Pay's settings", () => {
  it("are off without any, and whole with all: keys by id, the API v3 key, the merchant's serial", () => {
    expect(parseWechatPaySettings({})).toEqual({ ok: true, config: null });
    const parsed = parseWechatPaySettings(wechat);
    expect(parsed).toMatchObject({
      ok: true,
      config: {
        mchid: "1900000001",
        appid: "wx0000000000000001",
        appSecret: null,
        verifiers: { PUB_KEY_ID_0114232134912410000000000000: spki.trim() },
        apiUrl: "https://api.mch.weixin.qq.com",
      },
    });
  });

  it("refuse a partial set in one line naming what is missing", () => {
    const { WECHATPAY_API_V3_KEY: _key, WECHATPAY_PUBLIC_KEY_ID: _id, ...partial } = wechat;
    expect(parseWechatPaySettings(partial)).toEqual({
      ok: false,
      message: "WeChat Pay needs WECHATPAY_API_V3_KEY, WECHATPAY_PUBLIC_KEY_ID as well",
    });
    expect(parseWechatPaySettings({ WECHATPAY_MCHID: "1900000001" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^WeChat Pay needs WECHATPAY_APPID, .*WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID \(or WECHATPAY_PLATFORM_CERTS\) as well$/,
      ),
    });
  });

  it("name a bad value, and read keys from files", () => {
    expect(parseWechatPaySettings({ ...wechat, WECHATPAY_API_V3_KEY: "short" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Invalid setting WECHATPAY_API_V3_KEY/),
    });
    expect(parseWechatPaySettings({ ...wechat, WECHATPAY_PRIVATE_KEY: "not a key" })).toMatchObject({
      message: expect.stringMatching(/^Invalid setting WECHATPAY_PRIVATE_KEY/),
    });
    const dir = mkdtempSync(path.join(tmpdir(), "suoqian-wxkeys-"));
    writeFileSync(path.join(dir, "key.pem"), pkcs8);
    const { WECHATPAY_PRIVATE_KEY: _inline, ...rest } = wechat;
    expect(parseWechatPaySettings({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, "key.pem") })).toMatchObject({
      ok: true,
      config: { merchantPrivateKey: expect.stringContaining("BEGIN PRIVATE KEY") },
    });
    expect(
      parseWechatPaySettings({ ...rest, WECHATPAY_PRIVATE_KEY_FILE: path.join(dir, "missing.pem") }),
    ).toMatchObject({
      message: expect.stringMatching(/^Invalid setting WECHATPAY_PRIVATE_KEY_FILE: cannot read/),
    });
  });
});

describe("Alipay's settings", () => {
  const alipay = { ALIPAY_APP_ID: "2021000000000001", ALIPAY_PRIVATE_KEY: pkcs1, ALIPAY_PUBLIC_KEY: spki };

  it("take the app key in either form, bare or armoured, and tell the SDK which", () => {
    expect(parseAlipaySettings({})).toEqual({ ok: true, config: null });
    expect(parseAlipaySettings(alipay)).toMatchObject({
      ok: true,
      config: { keyType: "PKCS1", gateway: "https://openapi.alipay.com/gateway.do" },
    });
    expect(parseAlipaySettings({ ...alipay, ALIPAY_PRIVATE_KEY: pkcs8 })).toMatchObject({
      ok: true,
      config: { keyType: "PKCS8" },
    });
    const bare = pkcs8.replace(/-----[^-]+-----|\s/g, "");
    expect(parseAlipaySettings({ ...alipay, ALIPAY_PRIVATE_KEY: bare })).toMatchObject({
      ok: true,
      config: { keyType: "PKCS8" },
    });
  });

  it("refuse a partial set or a bad key in one line", () => {
    expect(parseAlipaySettings({ ALIPAY_APP_ID: "2021000000000001" })).toEqual({
      ok: false,
      message: "Alipay needs ALIPAY_PRIVATE_KEY, ALIPAY_PUBLIC_KEY as well",
    });
    expect(parseAlipaySettings({ ...alipay, ALIPAY_PUBLIC_KEY: "nope" })).toMatchObject({
      message: expect.stringMatching(/^Invalid setting ALIPAY_PUBLIC_KEY/),
    });
    expect(parseAlipaySettings({ ...alipay, ALIPAY_APP_ID: "abc" })).toMatchObject({
      message: expect.stringMatching(/^Invalid setting ALIPAY_APP_ID/),
    });
  });
});
