import path from "node:path";
import { z } from "zod";
import { type DatabaseTarget, DatabaseUrlError, parseDatabaseUrl } from "./database-url";
import { configuredTiles, TILE_PROVIDERS, type TileConfig } from "./map-tiles";
import { type AlipayConfig, parseAlipaySettings } from "./payments/alipay/settings";
import { parseWechatPaySettings, type WechatPayConfig } from "./payments/wechatpay/settings";
import { type Limit, type LimitName, parseLimit, RATE_LIMITS } from "./rate-limit/settings";
import { parseRegion, type Region, SUOQIAN_REGION } from "./region";
import { loadOrCreateSecrets, rememberDemoPassword, type Secrets, SecretsFileError } from "./secrets";
import { parseSmsSettings, type SmsConfig } from "./sms/settings";

// Settings, parsed once. Used by the app (through lib/env.ts) and by the scripts,
// so a bad setting fails the same way everywhere: one line naming it.

export const PAYMENT_METHODS = ["card", "alipay", "wechat_pay"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** "18-21": whole hours of the day, from (included) until (excluded), 0 ≤ from < until ≤ 24. */
export function parseHours(value: string): { from: number; until: number } | null {
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const from = Number(m[1]);
  const until = Number(m[2]);
  return from < until && until <= 24 ? { from, until } : null;
}

/** A whole number from 1 to `max`, or "off" (null): a limit an operator may turn off. */
function countOrOff(max: number, fallback: number) {
  return z.union([z.literal("off").transform(() => null), z.coerce.number().int().min(1).max(max)]).default(fallback);
}

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default("./data"),
  UPLOADS_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  TICKET_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // The demo accounts' password; generated once per install when unset.
  DEMO_PASSWORD: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(8, "must be at least 8 characters").max(128, "must be at most 128 characters").optional(),
  ),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Unset: Tianditu when TIANDITU_KEY is set, else OpenStreetMap (lib/map-tiles.ts, configuredTiles).
  MAP_TILES: z.enum(TILE_PROVIDERS, 'must be "osm", "tianditu" or "gaode"').optional(),
  TIANDITU_KEY: z.string().min(1).optional(),
  REGION_BBOX: z
    .string()
    .optional()
    .refine((v) => v === undefined || parseRegion(v) !== null, 'must be "south,west,north,east" in degrees'),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_…)")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "must be a webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_PAYMENT_METHODS: z
    .string()
    .default("card,alipay,wechat_pay")
    .refine(
      (v) => v.split(",").every((m) => PAYMENT_METHODS.includes(m.trim() as PaymentMethod)),
      `must be a comma-separated list of ${PAYMENT_METHODS.join(", ")}`,
    ),
  // Where the Stripe SDK sends its requests; only for a local Stripe-compatible server in tests.
  STRIPE_API_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  // Which reverse proxies may say who the client is (X-Forwarded-For), as Express's
  // "trust proxy": "loopback", "uniquelocal", addresses or CIDR ranges, comma-separated.
  TRUST_PROXY: z
    .string()
    .regex(/^[\w.:/, -]*$/, 'must be "loopback", "uniquelocal" or addresses and CIDR ranges, comma-separated')
    .default(""),
  // At most this many unpaid seats (or units) per mobile number or e-mail per session or product;
  // unset: the festival's per-order maximum for seats, 20 units for a product.
  HOLD_LIMIT: z.coerce.number().int().min(1).max(10_000).optional(),
  // A number not proven by a code in the buyer's browser holds at most this many unpaid seats per session.
  HOLD_LIMIT_UNVERIFIED: countOrOff(10_000, 4),
  // Unpaid seats (and units) held with unproven numbers from one client address: per session, and in all.
  HOLD_LIMIT_ADDRESS_SESSION: countOrOff(1_000_000, 12),
  HOLD_LIMIT_ADDRESS: countOrOff(1_000_000, 40),
  // How long seats offered to a waiting-list entry stay held for it (minutes) before they pass on.
  WAITLIST_OFFER_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  // Open waiting-list offers (seats held for an entry) one mobile number, or one client address, may have at once.
  WAITLIST_OFFERS_PER_NUMBER: z.coerce.number().int().min(1).max(1000).default(2),
  WAITLIST_OFFERS_PER_ADDRESS: z.coerce.number().int().min(1).max(100_000).default(10),
  // The hours (Beijing time, "from-until") in which the evening-before reminders are texted.
  TEXT_REMINDER_HOURS: z
    .string()
    .default("18-21")
    .refine((v) => parseHours(v) !== null, 'must be "from-until" in whole hours, 0 to 24, such as "18-21"'),
  ...Object.fromEntries(
    Object.values(RATE_LIMITS).map((l) => [
      l.setting,
      z
        .string()
        .default(l.default)
        .refine((v) => parseLimit(v) !== undefined, 'must be a count per duration such as "10/15m", or "off"'),
    ]),
  ),
  MAIL_FROM: z.string().min(3).default("所前文旅 Suoqian <no-reply@suoqian.test>"),
  // The log's level (lib/log.ts reads it itself; checked here so a typo refuses the start).
  LOG_LEVEL: z
    .enum(
      ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
      'must be "fatal", "error", "warn", "info", "debug", "trace" or "silent"',
    )
    .optional(),
  // Photos in S3-compatible object storage (AWS S3, Aliyun OSS, MinIO…) when S3_BUCKET is set,
  // so every instance serves the same files; otherwise under UPLOADS_DIR on this machine.
  S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "must be a bucket name (3–63 lowercase letters, digits, dots, hyphens)",
    )
    .optional(),
  S3_ENDPOINT: z.url("must be a URL such as https://oss-cn-hangzhou.aliyuncs.com").optional(),
  S3_REGION: z
    .string()
    .regex(/^[\w-]+$/, "must be a region name such as cn-hangzhou")
    .default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.enum(["true", "false", "1", "0"], 'must be "true" or "false"').optional(),
  // Next's data and page cache in Redis, shared by every instance (redis:// or rediss://).
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, "must be a redis:// or rediss:// URL")
    .optional(),
});

export type PaymentsConfig =
  | { provider: "demo" }
  | {
      provider: "stripe";
      secretKey: string;
      webhookSecret: string;
      methods: PaymentMethod[];
      apiUrl: string | undefined;
    };

/** Where uploaded photos are kept: a local folder (one instance) or an S3-compatible bucket (any number). */
export type MediaConfig =
  | { kind: "folder"; dir: string }
  | {
      kind: "s3";
      bucket: string;
      endpoint: string | undefined;
      region: string;
      /** Unset: the SDK's usual chain (environment, instance role). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    };

export type AppConfig = {
  /** The public origin links and sitemaps use (NEXTAUTH_URL, else the local server). */
  siteUrl: string;
  nodeEnv: "development" | "production" | "test";
  database: DatabaseTarget;
  dataDir: string;
  /** Uploaded photos, stored resized (see modules/media). */
  uploadsDir: string;
  /** Where photos are stored: UPLOADS_DIR, or the S3 bucket when S3_BUCKET is set. */
  media: MediaConfig;
  /** Next's shared cache (cache-handler.mjs) when set; otherwise each instance's own file cache. */
  redisUrl: string | undefined;
  authSecret: string;
  ticketSecret: string;
  nextAuthUrl: string | undefined;
  port: number;
  tiles: TileConfig;
  region: Region;
  /** Stripe when STRIPE_SECRET_KEY is set, otherwise clearly labelled demo payments. */
  payments: PaymentsConfig;
  /** WeChat Pay (API v3, our own merchant account) when its WECHATPAY_* settings are set. */
  wechatpay: WechatPayConfig | null;
  /** Alipay (open platform, RSA2) when its ALIPAY_* settings are set. */
  alipay: AlipayConfig | null;
  /** SMTP when SMTP_URL is set; mail is always kept in the outbox too. */
  mail: { smtpUrl: string | undefined; from: string };
  /** Aliyun SMS when SMS_PROVIDER=aliyun (lib/sms/settings.ts); texts are always kept in the outbox too. */
  sms: SmsConfig;
  /** Each limit (null: off); counted in the app's own database. */
  rateLimits: Record<LimitName, Limit | null>;
  /** Unpaid seats or units per buyer (mobile or e-mail) per session or product; null: the per-order maximum. */
  holdLimit: number | null;
  /** Unpaid seats per session for a number not proven in the browser; per client address per session, and in all. */
  unverifiedHolds: { perNumber: number | null; perAddressSession: number | null; perAddress: number | null };
  /** Open waiting-list offers per mobile number and per client address. */
  waitlistOpenOffers: { perNumber: number; perAddress: number };
  /** Minutes a waiting-list offer holds its seats (WAITLIST_OFFER_MINUTES, default 30). */
  waitlistOfferMinutes: number;
  /** When the evening-before reminders go out (Beijing hours, [from, until)). */
  reminderHours: { from: number; until: number };
  /** Raw TRUST_PROXY; applied where requests arrive (scripts/client-address.cjs). */
  trustProxy: string;
};

export class ConfigError extends Error {}

function storedSecrets(dataDir: string, dataAt?: string): Secrets {
  try {
    return loadOrCreateSecrets(dataDir, dataAt);
  } catch (error) {
    if (error instanceof SecretsFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * The password of the demo accounts: DEMO_PASSWORD when set, otherwise the one
 * generated for this install and kept with the other secrets. Never a fixed one.
 */
export function demoPassword(config: AppConfig, source: Record<string, string | undefined> = process.env): string {
  const set = schema.shape.DEMO_PASSWORD.safeParse(source.DEMO_PASSWORD);
  if (!set.success) throw new ConfigError(`Invalid setting DEMO_PASSWORD: ${set.error.issues[0]?.message}`);
  return set.data ?? storedSecrets(config.dataDir).demoPassword;
}

/** Demo passwords this install used before (generated, or last in use), other than `current`. */
export function earlierDemoPasswords(config: AppConfig, current: string): string[] {
  const stored = storedSecrets(config.dataDir);
  return [stored.demoPassword, stored.demoPasswordInUse].filter((p): p is string => Boolean(p) && p !== current);
}

/** Records the password the demo accounts were just given (see earlierDemoPasswords). */
export function demoPasswordApplied(config: AppConfig, password: string): void {
  try {
    rememberDemoPassword(config.dataDir, password);
  } catch (error) {
    if (error instanceof SecretsFileError) throw new ConfigError(error.message);
    throw error;
  }
}

/**
 * On PostgreSQL the app may run as several instances, and each must sign sessions and
 * tickets with the same keys: a secret generated into one machine's data directory
 * would sign everyone out on the others and make their tickets scan as forged. So a
 * start on PostgreSQL takes AUTH_SECRET (or NEXTAUTH_SECRET) and TICKET_SECRET from
 * the environment or refuses, in one line. SQLite (one machine) keeps generating them.
 * Called before loadConfig, which would otherwise write a secrets file first.
 */
export function requireSharedSecrets(
  source: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): void {
  let provider: DatabaseTarget["provider"];
  try {
    provider = parseDatabaseUrl(source.DATABASE_URL, cwd).provider;
  } catch {
    return; // loadConfig names the bad DATABASE_URL
  }
  if (provider !== "postgresql") return;
  const missing = [
    source.AUTH_SECRET || source.NEXTAUTH_SECRET ? null : "AUTH_SECRET",
    source.TICKET_SECRET ? null : "TICKET_SECRET",
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new ConfigError(
      `On PostgreSQL set AUTH_SECRET and TICKET_SECRET in the environment: every instance must share them (missing: ${missing.join(", ")})`,
    );
  }
}

export function loadConfig(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): AppConfig {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid setting ${name}: ${issue?.message ?? "invalid"}`);
  }
  const raw = parsed.data;
  let database: DatabaseTarget;
  try {
    database = parseDatabaseUrl(raw.DATABASE_URL, cwd);
  } catch (error) {
    if (error instanceof DatabaseUrlError) throw new ConfigError(`Invalid setting ${error.message}`);
    throw error;
  }
  if (raw.MAP_TILES === "tianditu" && !raw.TIANDITU_KEY) {
    throw new ConfigError("Invalid setting TIANDITU_KEY: required when MAP_TILES=tianditu");
  }
  if (raw.STRIPE_SECRET_KEY && !raw.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError("Invalid setting STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set");
  }
  if (raw.S3_BUCKET && Boolean(raw.S3_ACCESS_KEY_ID) !== Boolean(raw.S3_SECRET_ACCESS_KEY)) {
    const missing = raw.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
    throw new ConfigError(`Invalid setting ${missing}: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither`);
  }
  const sms = parseSmsSettings(source);
  if (!sms.ok) throw new ConfigError(sms.message);
  const wechatpay = parseWechatPaySettings(source);
  if (!wechatpay.ok) throw new ConfigError(wechatpay.message);
  const alipay = parseAlipaySettings(source);
  if (!alipay.ok) throw new ConfigError(alipay.message);
  const dataDir = path.resolve(cwd, raw.DATA_DIR);
  const uploadsDir = raw.UPLOADS_DIR ? path.resolve(cwd, raw.UPLOADS_DIR) : path.join(dataDir, "uploads");
  const envAuth = raw.AUTH_SECRET ?? raw.NEXTAUTH_SECRET;
  const needFile = !envAuth || !raw.TICKET_SECRET;
  const stored = needFile ? storedSecrets(dataDir, database.provider === "sqlite" ? database.file : undefined) : null;
  return {
    nodeEnv: raw.NODE_ENV,
    database,
    dataDir,
    uploadsDir,
    media: raw.S3_BUCKET
      ? {
          kind: "s3",
          bucket: raw.S3_BUCKET,
          endpoint: raw.S3_ENDPOINT,
          region: raw.S3_REGION,
          credentials:
            raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
              ? { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY }
              : undefined,
          forcePathStyle: raw.S3_FORCE_PATH_STYLE === "true" || raw.S3_FORCE_PATH_STYLE === "1",
        }
      : { kind: "folder", dir: uploadsDir },
    redisUrl: raw.REDIS_URL,
    authSecret: envAuth ?? stored?.authSecret ?? "",
    ticketSecret: raw.TICKET_SECRET ?? stored?.ticketSecret ?? "",
    nextAuthUrl: raw.NEXTAUTH_URL,
    siteUrl: (raw.NEXTAUTH_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, ""),
    port: raw.PORT,
    tiles: configuredTiles(raw),
    region: raw.REGION_BBOX ? (parseRegion(raw.REGION_BBOX) ?? SUOQIAN_REGION) : SUOQIAN_REGION,
    payments:
      raw.STRIPE_SECRET_KEY && raw.STRIPE_WEBHOOK_SECRET
        ? {
            provider: "stripe",
            secretKey: raw.STRIPE_SECRET_KEY,
            webhookSecret: raw.STRIPE_WEBHOOK_SECRET,
            methods: [...new Set(raw.STRIPE_PAYMENT_METHODS.split(",").map((m) => m.trim() as PaymentMethod))],
            apiUrl: raw.STRIPE_API_URL,
          }
        : { provider: "demo" },
    mail: { smtpUrl: raw.SMTP_URL, from: raw.MAIL_FROM },
    sms: sms.config,
    wechatpay: wechatpay.config,
    alipay: alipay.config,
    rateLimits: Object.fromEntries(
      Object.entries(RATE_LIMITS).map(([name, l]) => [
        name,
        parseLimit(String((raw as Record<string, unknown>)[l.setting] ?? l.default)) ?? null,
      ]),
    ) as Record<LimitName, Limit | null>,
    holdLimit: raw.HOLD_LIMIT ?? null,
    unverifiedHolds: {
      perNumber: raw.HOLD_LIMIT_UNVERIFIED,
      perAddressSession: raw.HOLD_LIMIT_ADDRESS_SESSION,
      perAddress: raw.HOLD_LIMIT_ADDRESS,
    },
    waitlistOfferMinutes: raw.WAITLIST_OFFER_MINUTES,
    reminderHours: parseHours(raw.TEXT_REMINDER_HOURS) ?? { from: 18, until: 21 },
    waitlistOpenOffers: { perNumber: raw.WAITLIST_OFFERS_PER_NUMBER, perAddress: raw.WAITLIST_OFFERS_PER_ADDRESS },
    trustProxy: raw.TRUST_PROXY,
  };
}
