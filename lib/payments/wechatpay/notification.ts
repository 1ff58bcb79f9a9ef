import { createDecipheriv, createVerify } from "node:crypto";
import type { WechatPayConfig } from "./settings";

// A WeChat Pay notification (支付通知 / 退款通知), checked as its docs say: the
// Wechatpay-Signature (SHA256withRSA over "timestamp\nnonce\nbody\n") with the WeChat Pay
// key that Wechatpay-Serial names, the timestamp within 5 minutes, then the resource
// decrypted with the APIv3 key (AEAD_AES_256_GCM, the nonce and associated data given).

const MAX_SKEW_SECONDS = 5 * 60;

export type WechatNotification = {
  id: string;
  eventType: string;
  /** The decrypted resource: a transaction, or a refund. */
  resource: Record<string, unknown>;
};

export type NotificationCheck =
  | { ok: true; notification: WechatNotification }
  | { ok: false; reason: "unsigned" | "unknown_key" | "stale" | "bad_signature" | "malformed" | "undecryptable" };

type Headers = { get(name: string): string | null };

/** AEAD_AES_256_GCM as WeChat Pay uses it: the ciphertext ends with the 16-byte tag. */
export function decryptResource(
  resource: { ciphertext: string; nonce: string; associated_data?: string },
  apiV3Key: string,
): string {
  const data = Buffer.from(resource.ciphertext, "base64");
  const tag = data.subarray(data.length - 16);
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(apiV3Key), Buffer.from(resource.nonce));
  decipher.setAuthTag(tag);
  decipher.setAAD(Buffer.from(resource.associated_data ?? ""));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString("utf8");
}

export function checkNotification(
  headers: Headers,
  body: string,
  config: Pick<WechatPayConfig, "verifiers" | "apiV3Key">,
  now = new Date(),
): NotificationCheck {
  const timestamp = headers.get("wechatpay-timestamp");
  const nonce = headers.get("wechatpay-nonce");
  const serial = headers.get("wechatpay-serial");
  const signature = headers.get("wechatpay-signature");
  if (!timestamp || !nonce || !serial || !signature) return { ok: false, reason: "unsigned" };
  const key = config.verifiers[serial];
  if (!key) return { ok: false, reason: "unknown_key" };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: "stale" };
  let verified = false;
  try {
    verified = createVerify("RSA-SHA256").update(`${timestamp}\n${nonce}\n${body}\n`).verify(key, signature, "base64");
  } catch {
    verified = false;
  }
  if (!verified) return { ok: false, reason: "bad_signature" };
  let parsed: { id?: unknown; event_type?: unknown; resource?: Record<string, unknown> };
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, reason: "malformed" };
  }
  const resource = parsed.resource;
  if (
    typeof parsed.id !== "string" ||
    typeof parsed.event_type !== "string" ||
    !resource ||
    resource.algorithm !== "AEAD_AES_256_GCM" ||
    typeof resource.ciphertext !== "string" ||
    typeof resource.nonce !== "string"
  )
    return { ok: false, reason: "malformed" };
  try {
    const plain = decryptResource(
      {
        ciphertext: resource.ciphertext,
        nonce: resource.nonce,
        associated_data: typeof resource.associated_data === "string" ? resource.associated_data : "",
      },
      config.apiV3Key,
    );
    const decrypted = JSON.parse(plain) as Record<string, unknown>;
    return { ok: true, notification: { id: parsed.id, eventType: parsed.event_type, resource: decrypted } };
  } catch {
    return { ok: false, reason: "undecryptable" };
  }
}
