import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, demoPassword, loadConfig, requireSharedSecrets } from "./config";

const tmp = () => mkdtempSync(path.join(tmpdir(), "suoqian-config-"));

describe("loadConfig", () => {
  it("defaults to the SQLite file in ./data", () => {
    const cwd = tmp();
    const config = loadConfig({}, cwd);
    expect(config.database).toEqual({
      provider: "sqlite",
      file: path.join(cwd, "data/suoqian.db"),
      url: `file:${path.join(cwd, "data/suoqian.db")}`,
    });
    expect(config.port).toBe(3000);
  });

  it("chooses PostgreSQL for a postgresql:// URL", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/suoqian" }, tmp());
    expect(config.database.provider).toBe("postgresql");
  });

  it.each([
    ["mysql://localhost/x", /^Invalid setting DATABASE_URL: must start with "file:"/],
    ["postgresql://localhost", /^Invalid setting DATABASE_URL: names no database/],
    ["file:", /^Invalid setting DATABASE_URL: .* names no file/],
  ])("refuses DATABASE_URL=%s with one line naming the setting", (url, message) => {
    const error = (() => {
      try {
        loadConfig({ DATABASE_URL: url }, tmp());
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("names other bad settings too", () => {
    expect(() => loadConfig({ PORT: "http" }, tmp())).toThrow(/^Invalid setting PORT/);
    expect(() => loadConfig({ AUTH_SECRET: "short" }, tmp())).toThrow(/^Invalid setting AUTH_SECRET/);
    expect(() => loadConfig({ MAP_TILES: "google" }, tmp())).toThrow(/^Invalid setting MAP_TILES/);
    expect(() => loadConfig({ MAP_TILES: "tianditu" }, tmp())).toThrow(/^Invalid setting TIANDITU_KEY/);
    expect(() => loadConfig({ REGION_BBOX: "30.1,120.3,30.0,120.4" }, tmp())).toThrow(/^Invalid setting REGION_BBOX/);
    expect(loadConfig({ REGION_BBOX: "30,120,31,121" }, tmp()).region).toEqual({
      south: 30,
      west: 120,
      north: 31,
      east: 121,
    });
  });

  it("draws the maps on Tianditu when its key is set, unless MAP_TILES says otherwise; OpenStreetMap without one", () => {
    const keyOnly = loadConfig({ TIANDITU_KEY: "tdt-key" }, tmp()).tiles;
    expect(keyOnly.provider).toBe("tianditu");
    expect(keyOnly.layers[0]?.url).toContain("tk=tdt-key");
    expect(loadConfig({ TIANDITU_KEY: "tdt-key", MAP_TILES: "osm" }, tmp()).tiles.provider).toBe("osm");
    expect(loadConfig({ TIANDITU_KEY: "tdt-key", MAP_TILES: "gaode" }, tmp()).tiles.provider).toBe("gaode");
    expect(loadConfig({}, tmp()).tiles.provider).toBe("osm");
    expect(loadConfig({ MAP_TILES: "tianditu", TIANDITU_KEY: "tdt-key" }, tmp()).tiles.provider).toBe("tianditu");
  });

  it("texts the reminders from 18:00 to 21:00 unless TEXT_REMINDER_HOURS says otherwise, and refuses hours that are not a day's", () => {
    expect(loadConfig({}, tmp()).reminderHours).toEqual({ from: 18, until: 21 });
    expect(loadConfig({ TEXT_REMINDER_HOURS: "9-12" }, tmp()).reminderHours).toEqual({ from: 9, until: 12 });
    expect(loadConfig({ TEXT_REMINDER_HOURS: "0-24" }, tmp()).reminderHours).toEqual({ from: 0, until: 24 });
    for (const bad of ["21-18", "18-25", "18", "evening", "18-18"])
      expect(() => loadConfig({ TEXT_REMINDER_HOURS: bad }, tmp())).toThrow(/^Invalid setting TEXT_REMINDER_HOURS/);
  });

  it("uses demo payments without a Stripe key, and Stripe with one", () => {
    expect(loadConfig({}, tmp()).payments).toEqual({ provider: "demo" });
    const stripe = loadConfig(
      {
        STRIPE_SECRET_KEY: "sk_test_123",
        STRIPE_WEBHOOK_SECRET: "whsec_abc",
        STRIPE_PAYMENT_METHODS: "alipay, wechat_pay,alipay",
        STRIPE_API_URL: "http://127.0.0.1:12111",
      },
      tmp(),
    ).payments;
    expect(stripe).toEqual({
      provider: "stripe",
      secretKey: "sk_test_123",
      webhookSecret: "whsec_abc",
      methods: ["alipay", "wechat_pay"],
      apiUrl: "http://127.0.0.1:12111",
    });
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "sk_test_123" }, tmp())).toThrow(
      /^Invalid setting STRIPE_WEBHOOK_SECRET: required/,
    );
    expect(() => loadConfig({ STRIPE_SECRET_KEY: "pk_test_123" }, tmp())).toThrow(/^Invalid setting STRIPE_SECRET_KEY/);
    expect(() => loadConfig({ STRIPE_PAYMENT_METHODS: "card,paypal" }, tmp())).toThrow(
      /^Invalid setting STRIPE_PAYMENT_METHODS/,
    );
    expect(loadConfig({ SMTP_URL: "smtp://127.0.0.1:2525" }, tmp()).mail.smtpUrl).toBe("smtp://127.0.0.1:2525");
  });

  it("keeps texts in the outbox without SMS settings, and refuses a partial Aliyun set in one line", () => {
    expect(loadConfig({}, tmp()).sms).toEqual({ provider: "outbox" });
    expect(() => loadConfig({ SMS_PROVIDER: "aliyun", ALIYUN_SMS_ACCESS_KEY_ID: "LTAI" }, tmp())).toThrow(
      "SMS_PROVIDER=aliyun needs ALIYUN_SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME, SMS_TEMPLATE_CODE as well",
    );
  });

  it("generates secrets once, keeps them private, and reuses them", () => {
    const cwd = tmp();
    const first = loadConfig({}, cwd);
    const second = loadConfig({}, cwd);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(40);
    expect(first.ticketSecret).not.toBe(first.authSecret);
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.ticketSecret).toBe(first.ticketSecret);
    const file = path.join(cwd, "data/secrets.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).authSecret).toBe(first.authSecret);
  });

  it("prefers secrets from the environment", () => {
    const secret = "s".repeat(40);
    const config = loadConfig({ AUTH_SECRET: secret, TICKET_SECRET: "t".repeat(40) }, tmp());
    expect(config.authSecret).toBe(secret);
    expect(config.ticketSecret).toBe("t".repeat(40));
  });

  it("refuses to start, naming the file, when secrets.json exists but is damaged; nothing is replaced", () => {
    const cwd = tmp();
    const file = path.join(cwd, "data/secrets.json");
    mkdirSync(path.dirname(file), { recursive: true });
    for (const damaged of ["{not json", "[]", '{"authSecret":""}', '{"authSecret":42}', ""]) {
      writeFileSync(file, damaged);
      expect(() => loadConfig({}, cwd)).toThrow(ConfigError);
      expect(() => loadConfig({}, cwd)).toThrow(file);
      expect(readFileSync(file, "utf8")).toBe(damaged);
    }
  });

  it("refuses to start, naming both files, when secrets.json is gone but the database holds data; makes none", () => {
    const cwd = tmp();
    const first = loadConfig({}, cwd);
    const database = path.join(cwd, "data/suoqian.db");
    writeFileSync(database, "SQLite format 3\u0000…");
    rmSync(path.join(cwd, "data/secrets.json"));
    expect(() => loadConfig({}, cwd)).toThrow(ConfigError);
    expect(() => loadConfig({}, cwd)).toThrow(/secrets\.json is missing, but .*suoqian\.db holds data/);
    expect(existsSync(path.join(cwd, "data/secrets.json"))).toBe(false);
    // With the secrets from the environment, the start goes on; an empty database is a first start.
    const secrets = { AUTH_SECRET: first.authSecret, TICKET_SECRET: first.ticketSecret };
    expect(loadConfig(secrets, cwd).ticketSecret).toBe(first.ticketSecret);
    writeFileSync(database, "");
    expect(loadConfig({}, cwd).authSecret).not.toBe(first.authSecret);
  });

  it("refuses to start when secrets.json is a directory or unreadable, and says which file", () => {
    const cwd = tmp();
    const file = path.join(cwd, "data/secrets.json");
    mkdirSync(file, { recursive: true });
    expect(() => loadConfig({}, cwd)).toThrow(/^Cannot read .*secrets\.json \(EISDIR\)/);
  });

  it("adds a missing secret to a file of an older release and keeps the ones it has", () => {
    const cwd = tmp();
    const file = path.join(cwd, "data/secrets.json");
    mkdirSync(path.dirname(file), { recursive: true });
    const old = { authSecret: "a".repeat(43), ticketSecret: "b".repeat(43) };
    writeFileSync(file, JSON.stringify(old));
    const config = loadConfig({}, cwd);
    expect(config.authSecret).toBe(old.authSecret);
    expect(config.ticketSecret).toBe(old.ticketSecret);
    const password = demoPassword(config, {});
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ ...old, demoPassword: password });
  });

  it("generates the demo password once per install, and DEMO_PASSWORD overrides it", () => {
    const cwd = tmp();
    const config = loadConfig({}, cwd);
    const generated = demoPassword(config, {});
    expect(generated).not.toBe("Suoqian2026!");
    expect(demoPassword(loadConfig({}, cwd), {})).toBe(generated);
    expect(demoPassword(loadConfig({}, tmp()), {})).not.toBe(generated);
    expect(demoPassword(config, { DEMO_PASSWORD: "Orchard-Path-77" })).toBe("Orchard-Path-77");
    expect(() => demoPassword(config, { DEMO_PASSWORD: "short" })).toThrow(/^Invalid setting DEMO_PASSWORD/);
  });
});

describe("several instances: photos, cache and secrets", () => {
  it("keeps photos in the local folder unless S3_BUCKET is set, then in the bucket", () => {
    const cwd = tmp();
    expect(loadConfig({}, cwd).media).toEqual({ kind: "folder", dir: path.join(cwd, "data/uploads") });
    expect(
      loadConfig(
        {
          S3_BUCKET: "suoqian-media",
          S3_ENDPOINT: "https://oss-cn-hangzhou.aliyuncs.com",
          S3_REGION: "oss-cn-hangzhou",
          S3_ACCESS_KEY_ID: "id",
          S3_SECRET_ACCESS_KEY: "secret",
          S3_FORCE_PATH_STYLE: "true",
        },
        cwd,
      ).media,
    ).toEqual({
      kind: "s3",
      bucket: "suoqian-media",
      endpoint: "https://oss-cn-hangzhou.aliyuncs.com",
      region: "oss-cn-hangzhou",
      credentials: { accessKeyId: "id", secretAccessKey: "secret" },
      forcePathStyle: true,
    });
    expect(loadConfig({ S3_BUCKET: "suoqian-media" }, cwd).media).toMatchObject({
      region: "us-east-1",
      credentials: undefined,
      forcePathStyle: false,
    });
  });

  it("names a bad S3 or Redis setting in one line", () => {
    const one = (source: Record<string, string>) => {
      try {
        loadConfig(source, tmp());
      } catch (e) {
        expect((e as Error).message).not.toContain("\n");
        return (e as Error).message;
      }
      return null;
    };
    expect(one({ S3_BUCKET: "Not_A_Bucket" })).toMatch(/^Invalid setting S3_BUCKET: must be a bucket name/);
    expect(one({ S3_BUCKET: "media", S3_ENDPOINT: "minio 9000" })).toMatch(/^Invalid setting S3_ENDPOINT/);
    expect(one({ S3_BUCKET: "media", S3_FORCE_PATH_STYLE: "yes" })).toMatch(/^Invalid setting S3_FORCE_PATH_STYLE/);
    expect(one({ S3_BUCKET: "media", S3_ACCESS_KEY_ID: "id" })).toMatch(
      /^Invalid setting S3_SECRET_ACCESS_KEY: set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither$/,
    );
    expect(one({ REDIS_URL: "localhost:6379" })).toMatch(
      /^Invalid setting REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL$/,
    );
    expect(loadConfig({ REDIS_URL: "redis://127.0.0.1:6379/0" }, tmp()).redisUrl).toBe("redis://127.0.0.1:6379/0");
    expect(loadConfig({}, tmp()).redisUrl).toBeUndefined();
  });

  it("requires shared secrets from the environment on PostgreSQL only", () => {
    const pg = "postgresql://u:p@127.0.0.1:5432/suoqian";
    expect(() => requireSharedSecrets({ DATABASE_URL: pg }, tmp())).toThrow(
      /^On PostgreSQL set AUTH_SECRET and TICKET_SECRET in the environment: every instance must share them \(missing: AUTH_SECRET, TICKET_SECRET\)$/,
    );
    expect(() => requireSharedSecrets({ DATABASE_URL: pg, AUTH_SECRET: "a".repeat(32) }, tmp())).toThrow(
      /\(missing: TICKET_SECRET\)$/,
    );
    expect(() =>
      requireSharedSecrets({ DATABASE_URL: pg, AUTH_SECRET: "a".repeat(32), TICKET_SECRET: "t".repeat(32) }, tmp()),
    ).not.toThrow();
    expect(() => requireSharedSecrets({}, tmp())).not.toThrow();
    expect(() => requireSharedSecrets({ DATABASE_URL: "file:./x.db" }, tmp())).not.toThrow();
  });
});
