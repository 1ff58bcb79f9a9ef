import { createPrivateKey, createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";

// Alipay (open platform, our own app, RSA2): the settings, parsed once. A partial set
// refuses to start with one line naming what is missing.

export type AlipayConfig = {
  appId: string;
  /** The app's private key (PEM), and the form alipay-sdk must be told. */
  privateKey: string;
  keyType: "PKCS1" | "PKCS8";
  /** Alipay's public key (PEM), or its certificates in certificate mode. */
  alipayPublicKey: string | null;
  certs: { appCert: string; alipayPublicCert: string; alipayRootCert: string } | null;
  /** The gateway (openapi.alipay.com/gateway.do); only tests point it elsewhere. */
  gateway: string;
};

function text(source: Record<string, string | undefined>, name: string): string | undefined | Error {
  const inline = source[name]?.trim();
  if (inline) return inline.replace(/\\n/g, "\n");
  const file = source[`${name}_FILE`]?.trim();
  if (!file) return undefined;
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    return new Error(`Invalid setting ${name}_FILE: cannot read ${file}`);
  }
}

const isSet = (source: Record<string, string | undefined>, name: string) =>
  Boolean(source[name]?.trim() || source[`${name}_FILE`]?.trim());

/** A bare base64 key (as Alipay's key tool writes it) in PEM armour. */
function armour(key: string, label: string): string {
  if (key.includes("-----BEGIN")) return key;
  const body =
    key
      .replace(/\s+/g, "")
      .match(/.{1,64}/g)
      ?.join("\n") ?? "";
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
}

/** rsaEncryption (1.2.840.113549.1.1.1): a PKCS#8 key names its algorithm near the start; PKCS#1 does not. */
const RSA_OID = Buffer.from("06092a864886f70d010101", "hex");

/** The app key as PEM and its form; null when it is no RSA private key. */
function privateKeyOf(value: string): { pem: string; keyType: "PKCS1" | "PKCS8" } | null {
  let keyType: "PKCS1" | "PKCS8";
  let pem: string;
  if (value.includes("BEGIN RSA PRIVATE KEY")) [keyType, pem] = ["PKCS1", value];
  else if (value.includes("BEGIN PRIVATE KEY")) [keyType, pem] = ["PKCS8", value];
  else if (value.includes("-----BEGIN")) return null;
  else {
    const der = Buffer.from(value.replace(/\s+/g, ""), "base64");
    keyType = der.subarray(0, 32).includes(RSA_OID) ? "PKCS8" : "PKCS1";
    pem = armour(value, keyType === "PKCS8" ? "PRIVATE KEY" : "RSA PRIVATE KEY");
  }
  try {
    return createPrivateKey(pem).asymmetricKeyType === "rsa" ? { pem, keyType } : null;
  } catch {
    return null;
  }
}

export function parseAlipaySettings(
  source: Record<string, string | undefined>,
): { ok: true; config: AlipayConfig | null } | { ok: false; message: string } {
  const names = Object.keys(source).filter((k) => k.startsWith("ALIPAY_") && !k.endsWith("_URL") && source[k]?.trim());
  if (names.length === 0) return { ok: true, config: null };
  const certMode =
    isSet(source, "ALIPAY_APP_CERT") || isSet(source, "ALIPAY_PUBLIC_CERT") || isSet(source, "ALIPAY_ROOT_CERT");
  const required = [
    "ALIPAY_APP_ID",
    "ALIPAY_PRIVATE_KEY",
    ...(certMode ? ["ALIPAY_APP_CERT", "ALIPAY_PUBLIC_CERT", "ALIPAY_ROOT_CERT"] : ["ALIPAY_PUBLIC_KEY"]),
  ];
  const missing = required.filter((name) => !isSet(source, name));
  if (missing.length > 0) return { ok: false, message: `Alipay needs ${missing.join(", ")} as well` };
  const appId = source.ALIPAY_APP_ID?.trim() ?? "";
  if (!/^\d{16}$/.test(appId))
    return { ok: false, message: "Invalid setting ALIPAY_APP_ID: must be the app's APPID (16 digits)" };
  const rawKey = text(source, "ALIPAY_PRIVATE_KEY");
  if (rawKey instanceof Error) return { ok: false, message: rawKey.message };
  const key = rawKey ? privateKeyOf(rawKey) : null;
  if (!key)
    return {
      ok: false,
      message: "Invalid setting ALIPAY_PRIVATE_KEY: must be the app's RSA private key (PKCS#1 or PKCS#8)",
    };
  let alipayPublicKey: string | null = null;
  let certs: AlipayConfig["certs"] = null;
  if (certMode) {
    const read = ["ALIPAY_APP_CERT", "ALIPAY_PUBLIC_CERT", "ALIPAY_ROOT_CERT"].map(
      (n) => [n, text(source, n)] as const,
    );
    for (const [name, value] of read) {
      if (value instanceof Error) return { ok: false, message: value.message };
      if (!value?.includes("BEGIN CERTIFICATE"))
        return { ok: false, message: `Invalid setting ${name}: must be a certificate (PEM)` };
    }
    const [appCert, alipayPublicCert, alipayRootCert] = read.map(([, v]) => v as string) as [string, string, string];
    certs = { appCert, alipayPublicCert, alipayRootCert };
  } else {
    const raw = text(source, "ALIPAY_PUBLIC_KEY");
    if (raw instanceof Error) return { ok: false, message: raw.message };
    const pem = armour(raw ?? "", "PUBLIC KEY");
    try {
      createPublicKey(pem);
    } catch {
      return {
        ok: false,
        message: "Invalid setting ALIPAY_PUBLIC_KEY: must be Alipay's public key (from the open platform)",
      };
    }
    alipayPublicKey = pem;
  }
  const gateway = source.ALIPAY_GATEWAY_URL?.trim() || "https://openapi.alipay.com/gateway.do";
  try {
    const u = new URL(gateway);
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new Error();
  } catch {
    return { ok: false, message: "Invalid setting ALIPAY_GATEWAY_URL: must be an http(s) URL" };
  }
  return { ok: true, config: { appId, privateKey: key.pem, keyType: key.keyType, alipayPublicKey, certs, gateway } };
}
