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

// A self-signed certificate (public material only, made with openssl for this test), standing in
// for a WeChat Pay platform certificate: its serial names the key, as Wechatpay-Serial does.
const PLATFORM_CERT = `-----BEGIN CERTIFICATE-----
MIIDVzCCAj+gAwIBAgIUQzF+FgD4cDyn5ysyroS8Mo1SUKIwDQYJKoZIhvcNAQEL
BQAwOjEgMB4GA1UEAwwXVGVucGF5LmNvbSBSb290IENBIHRlc3QxFjAUBgNVBAoM
DVN1b3FpYW4gdGVzdHMwIBcNMjYxMjA3MTMyNTAwWhgPMjEyNjExMTMxMzI1MDBa
MDoxIDAeBgNVBAMMF1RlbnBheS5jb20gUm9vdCBDQSB0ZXN0MRYwFAYDVQQKDA1T
dW9xaWFuIHRlc3RzMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAvzc4
628gKcjPpjnCvAgSjRdUAl72hKhTjBQw4IIasBMTgjclFjjQUAdYYriDCrypuvc7
kjdItQieQMMrX4uJqt39FskqzhhYl0QkWrZl3EA2DCVq48YH0OfkcsDpPycPmCCj
JeoT/Tsrp9C/BHdd4Zz3wR0B/h9zBhhveYfc9hDOWB8sxSy+wjv8SAcACNddZREq
VE03VzD1F2+x+jMCwv4hHe/dpPLKWXAgyTV0QgVkZrymGuQJrcgHGJrRwWEAzC9o
l/Lk0z0FqZBKD3fhJ8i7ZvD1FUcEzfc7iblGqZgtAZUUFHjbb1XyzIex9O4t9oXg
uLCWBpiDNH4h4TOxgwIDAQABo1MwUTAdBgNVHQ4EFgQUgea69JDgCJty8FWaMc1L
G4deYUgwHwYDVR0jBBgwFoAUgea69JDgCJty8FWaMc1LG4deYUgwDwYDVR0TAQH/
BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAtkrJ7jFXpXWs73+uYMr2lnGAMkIv
rtVKY9XZdFgcX/kOW/p23qStFEalFh3D/fvH8Sjr9sS5+aWQ3diAUM1vMvgDdkHL
DihOOdrXP/3P/z9gsXK/UFp7rw9BTzvvJ2Qy2m+UrNAcXByctAN5ZxNNE9unYvQ4
QgEsQ8Yi7TJHkCRQZ37ZbjbJSw/qpRbRhjjvBFmlCPGxx6JzU4+aHoFirW8Jfc6L
li9b+5Tz664rC2KeJqsWxLz2R1HX2ApW2N7F5kvS7pYS9/uZlR9sBSc0LYqFljL5
JPuLZu2ooDcTfhclTs25avZzWuocfL7QT/orIWOBAvqJZ+P48Bqg87/Ylg==
-----END CERTIFICATE-----`;

describe("WeChat Pay's platform certificates (the fallback verification mode)", () => {
  it("take the certificates' public keys by their serial, in place of the public key and its id", () => {
    const { WECHATPAY_PUBLIC_KEY: _key, WECHATPAY_PUBLIC_KEY_ID: _id, ...rest } = wechat;
    const parsed = parseWechatPaySettings({ ...rest, WECHATPAY_PLATFORM_CERTS: PLATFORM_CERT });
    expect(parsed.ok).toBe(true);
    const verifiers = parsed.ok ? (parsed.config?.verifiers ?? {}) : {};
    expect(Object.keys(verifiers)).toEqual(["43317E1600F8703CA7E72B32AE84BC328D5250A2"]);
    expect(Object.values(verifiers)[0]).toContain("BEGIN PUBLIC KEY");
    expect(parseWechatPaySettings({ ...rest, WECHATPAY_PLATFORM_CERTS: "not a certificate" })).toMatchObject({
      message: expect.stringMatching(/^Invalid setting WECHATPAY_PLATFORM_CERTS/),
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
