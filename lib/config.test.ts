import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

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
});
