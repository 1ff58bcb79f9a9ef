// The SMS gateway's settings. A text in China goes out only from a template the
// provider approved beforehand, under an approved signature (签名): so each kind of
// text has its template code, and a text is that code plus its parameters.

/**
 * Every kind of text the platform sends; each is one approved template. A `link` is the
 * order's short path after the site's address ("o/SQ…/…", 25 characters): the template
 * holds the address, e.g. "https://example.cn/${link}". Every parameter fits 35 characters.
 */
export const TEXT_KINDS = {
  /** A verification code (sign-in, sign-up, a contact to verify): parameter `code`. */
  code: "SMS_TEMPLATE_CODE",
  /** An order's e-tickets: `order`, `count`, `codes` (the first three), `link`. */
  tickets: "SMS_TEMPLATE_TICKETS",
  /** Seats held for a waiting-list entry until a deadline: `festival`, `deadline`, `link`. */
  waitlistOffer: "SMS_TEMPLATE_WAITLIST_OFFER",
  /** The evening before a session: `festival`, `time`, `link`. */
  reminder: "SMS_TEMPLATE_REMINDER",
  /** An order cancelled or refunded: `order`, `amount`. */
  refund: "SMS_TEMPLATE_REFUND",
  /** A farmer's new paid order line: `product`, `quantity`, `order`. */
  farmerOrder: "SMS_TEMPLATE_FARMER_ORDER",
} as const;

export type TextKind = keyof typeof TEXT_KINDS;

/** A kind's template codes: Chinese, and English where one is approved. */
export type TemplateCodes = { zh: string; en: string | undefined };

/** Aliyun's API host, or a local peer's in tests ("http://127.0.0.1:port"). */
export type SmsEndpoint = { protocol: "HTTP" | "HTTPS"; host: string };

export type SmsConfig =
  | { provider: "outbox" }
  | {
      provider: "aliyun";
      accessKeyId: string;
      accessKeySecret: string;
      signName: string;
      endpoint: SmsEndpoint;
      templates: Partial<Record<TextKind, TemplateCodes>>;
    };

const TEMPLATE_CODE = /^SMS_\d{3,20}$/;
const ALIYUN_HOST = "dysmsapi.aliyuncs.com";

function endpointOf(raw: string | undefined): SmsEndpoint | null {
  if (!raw) return { protocol: "HTTPS", host: ALIYUN_HOST };
  try {
    const url = new URL(raw.includes("://") ? raw : `https://${raw}`);
    if ((url.protocol !== "http:" && url.protocol !== "https:") || url.pathname.length > 1) return null;
    return { protocol: url.protocol === "http:" ? "HTTP" : "HTTPS", host: url.host };
  } catch {
    return null;
  }
}

/**
 * The SMS settings, or the one line that says what is wrong. Without SMS_PROVIDER texts
 * are only kept in the outbox; with `aliyun` the keys, the signature and the code
 * template are required (a partial set refuses to start, naming what is missing).
 */
export function parseSmsSettings(
  source: Record<string, string | undefined>,
): { ok: true; config: SmsConfig } | { ok: false; message: string } {
  const provider = source.SMS_PROVIDER?.trim() || undefined;
  if (!provider) return { ok: true, config: { provider: "outbox" } };
  if (provider !== "aliyun") return { ok: false, message: 'Invalid setting SMS_PROVIDER: must be "aliyun" (or unset)' };
  const missing = ["ALIYUN_SMS_ACCESS_KEY_ID", "ALIYUN_SMS_ACCESS_KEY_SECRET", "SMS_SIGN_NAME", TEXT_KINDS.code].filter(
    (name) => !source[name]?.trim(),
  );
  if (missing.length > 0) {
    return { ok: false, message: `SMS_PROVIDER=aliyun needs ${missing.join(", ")} as well` };
  }
  const templates: Partial<Record<TextKind, TemplateCodes>> = {};
  for (const [kind, setting] of Object.entries(TEXT_KINDS) as [TextKind, string][]) {
    const zh = source[setting]?.trim();
    const en = source[`${setting}_EN`]?.trim() || undefined;
    for (const [name, value] of [
      [setting, zh],
      [`${setting}_EN`, en],
    ] as const) {
      if (value && !TEMPLATE_CODE.test(value)) {
        return { ok: false, message: `Invalid setting ${name}: must be an approved template code (SMS_…)` };
      }
    }
    if (zh) templates[kind] = { zh, en };
    else if (en)
      return { ok: false, message: `Invalid setting ${setting}_EN: set ${setting} (the Chinese template) too` };
  }
  const endpoint = endpointOf(source.ALIYUN_SMS_ENDPOINT?.trim() || undefined);
  if (!endpoint) return { ok: false, message: "Invalid setting ALIYUN_SMS_ENDPOINT: must be a host or an http(s) URL" };
  const signName = source.SMS_SIGN_NAME?.trim() ?? "";
  if (signName.length > 30) return { ok: false, message: "Invalid setting SMS_SIGN_NAME: at most 30 characters" };
  return {
    ok: true,
    config: {
      provider: "aliyun",
      accessKeyId: source.ALIYUN_SMS_ACCESS_KEY_ID?.trim() ?? "",
      accessKeySecret: source.ALIYUN_SMS_ACCESS_KEY_SECRET?.trim() ?? "",
      signName,
      endpoint,
      templates,
    },
  };
}
