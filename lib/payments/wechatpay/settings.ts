import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

// WeChat Pay (API v3, a merchant account of our own, no aggregator): the settings, parsed
// once. A partial set refuses to start with one line naming what is missing.

export type WechatPayConfig = {
  mchid: string;
  /** The 公众号 (official account) the site is bound to. */
  appid: string;
  /** Its AppSecret: needed for the openid of a visitor paying inside WeChat (JSAPI); without it JSAPI is not offered. */
  appSecret: string | null;
  merchantSerial: string;
  merchantPrivateKey: string;
  apiV3Key: string;
  /** WeChat Pay's keys by id: its public key (PUB_KEY_ID_…) and/or platform certificates (by serial). */
  verifiers: Record<string, string>;
  /** The API base; only tests point it elsewhere. */
  apiUrl: string;
  /** Where the silent snsapi_base OAuth redirect goes, and where the code is exchanged (tests only). */
  oauthUrl: string;
  snsApiUrl: string;
};

const REQUIRED = [
  "WECHATPAY_MCHID",
  "WECHATPAY_APPID",
  "WECHATPAY_MERCHANT_SERIAL",
  "WECHATPAY_PRIVATE_KEY",
  "WECHATPAY_API_V3_KEY",
] as const;

/** A PEM from the setting itself (its "\n" written out or real) or from the file named by `<NAME>_FILE`. */
function pem(source: Record<string, string | undefined>, name: string): string | undefined | Error {
  const inline = source[name]?.trim();
  if (inline) return inline.replace(/\\n/g, "\n");
  const file = source[`${name}_FILE`]?.trim();
  if (!file) return undefined;
  try {
    return readFileSync(file, "utf8");
  } catch {
    return new Error(`Invalid setting ${name}_FILE: cannot read ${file}`);
  }
}

const isSet = (source: Record<string, string | undefined>, name: string) =>
  Boolean(source[name]?.trim() || source[`${name}_FILE`]?.trim());

function url(value: string | undefined, fallback: string): string | null {
  const v = value?.trim() || fallback;
  try {
    const parsed = new URL(v);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? v.replace(/\/+$/, "") : null;
  } catch {
    return null;
  }
}

/** Certificates in one PEM text, by serial (upper-case hex, as Wechatpay-Serial names them). */
function certificates(text: string): Record<string, string> | null {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return null;
  const out: Record<string, string> = {};
  for (const block of blocks) {
    try {
      const cert = new X509Certificate(block);
      out[cert.serialNumber.toUpperCase()] = cert.publicKey.export({ type: "spki", format: "pem" }).toString();
    } catch {
      return null;
    }
  }
  return out;
}

/**
 * WeChat Pay's settings: null when none is set, the config when the whole set is, or
 * the one line that says what is missing or wrong. WeChat Pay's own key is its public
 * key and id (WECHATPAY_PUBLIC_KEY, WECHATPAY_PUBLIC_KEY_ID: the current verification
 * mode), or its platform certificates (WECHATPAY_PLATFORM_CERTS) for merchants still on them.
 */
export function parseWechatPaySettings(
  source: Record<string, string | undefined>,
): { ok: true; config: WechatPayConfig | null } | { ok: false; message: string } {
  const names = Object.keys(source).filter(
    (k) => k.startsWith("WECHATPAY_") && !k.endsWith("_URL") && source[k]?.trim(),
  );
  if (names.length === 0) return { ok: true, config: null };
  const missing: string[] = REQUIRED.filter((name) => !isSet(source, name));
  const hasPublicKey = isSet(source, "WECHATPAY_PUBLIC_KEY") || Boolean(source.WECHATPAY_PUBLIC_KEY_ID?.trim());
  const hasCerts = isSet(source, "WECHATPAY_PLATFORM_CERTS");
  if (hasPublicKey) {
    if (!isSet(source, "WECHATPAY_PUBLIC_KEY")) missing.push("WECHATPAY_PUBLIC_KEY");
    if (!source.WECHATPAY_PUBLIC_KEY_ID?.trim()) missing.push("WECHATPAY_PUBLIC_KEY_ID");
  } else if (!hasCerts) missing.push("WECHATPAY_PUBLIC_KEY and WECHATPAY_PUBLIC_KEY_ID (or WECHATPAY_PLATFORM_CERTS)");
  if (missing.length > 0) return { ok: false, message: `WeChat Pay needs ${missing.join(", ")} as well` };

  const mchid = source.WECHATPAY_MCHID?.trim() ?? "";
  if (!/^\d{8,12}$/.test(mchid))
    return { ok: false, message: "Invalid setting WECHATPAY_MCHID: must be the merchant id (digits)" };
  const appid = source.WECHATPAY_APPID?.trim() ?? "";
  if (!/^wx[0-9a-zA-Z]{16}$/.test(appid))
    return { ok: false, message: "Invalid setting WECHATPAY_APPID: must be the official account's AppID (wx…)" };
  const serial = source.WECHATPAY_MERCHANT_SERIAL?.trim() ?? "";
  if (!/^[0-9A-Fa-f]{8,40}$/.test(serial))
    return { ok: false, message: "Invalid setting WECHATPAY_MERCHANT_SERIAL: must be the certificate's serial (hex)" };
  const apiV3Key = source.WECHATPAY_API_V3_KEY?.trim() ?? "";
  if (Buffer.byteLength(apiV3Key) !== 32)
    return { ok: false, message: "Invalid setting WECHATPAY_API_V3_KEY: must be the 32-character APIv3 key" };
  const privateKey = pem(source, "WECHATPAY_PRIVATE_KEY");
  if (privateKey instanceof Error) return { ok: false, message: privateKey.message };
  if (!privateKey?.includes("PRIVATE KEY-----"))
    return { ok: false, message: "Invalid setting WECHATPAY_PRIVATE_KEY: must be the merchant's private key (PEM)" };

  const verifiers: Record<string, string> = {};
  if (hasPublicKey) {
    const publicKey = pem(source, "WECHATPAY_PUBLIC_KEY");
    if (publicKey instanceof Error) return { ok: false, message: publicKey.message };
    if (!publicKey?.includes("PUBLIC KEY-----"))
      return { ok: false, message: "Invalid setting WECHATPAY_PUBLIC_KEY: must be WeChat Pay's public key (PEM)" };
    const id = source.WECHATPAY_PUBLIC_KEY_ID?.trim() ?? "";
    if (!/^PUB_KEY_ID_\w+$/.test(id))
      return { ok: false, message: "Invalid setting WECHATPAY_PUBLIC_KEY_ID: must be its id (PUB_KEY_ID_…)" };
    verifiers[id] = publicKey;
  }
  if (hasCerts) {
    const text = pem(source, "WECHATPAY_PLATFORM_CERTS");
    if (text instanceof Error) return { ok: false, message: text.message };
    const certs = text ? certificates(text) : null;
    if (!certs)
      return { ok: false, message: "Invalid setting WECHATPAY_PLATFORM_CERTS: must be platform certificates (PEM)" };
    Object.assign(verifiers, certs);
  }
  const apiUrl = url(source.WECHATPAY_API_URL, "https://api.mch.weixin.qq.com");
  if (!apiUrl) return { ok: false, message: "Invalid setting WECHATPAY_API_URL: must be an http(s) URL" };
  const oauthUrl = url(source.WECHAT_OAUTH_URL, "https://open.weixin.qq.com");
  if (!oauthUrl) return { ok: false, message: "Invalid setting WECHAT_OAUTH_URL: must be an http(s) URL" };
  const snsApiUrl = url(source.WECHAT_API_URL, "https://api.weixin.qq.com");
  if (!snsApiUrl) return { ok: false, message: "Invalid setting WECHAT_API_URL: must be an http(s) URL" };
  return {
    ok: true,
    config: {
      mchid,
      appid,
      appSecret: source.WECHATPAY_APP_SECRET?.trim() || null,
      merchantSerial: serial.toUpperCase(),
      merchantPrivateKey: privateKey,
      apiV3Key,
      verifiers,
      apiUrl,
      oauthUrl,
      snsApiUrl,
    },
  };
}
