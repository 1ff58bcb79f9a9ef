import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";
import {
  currentRequestId,
  levelFrom,
  log,
  loggedPath,
  redact,
  runWithRequestLog,
  scrubText,
  serializeError,
  setLogDestination,
} from "./log";

function capture(level: "info" | "debug" | "warn" = "info") {
  const lines: Record<string, unknown>[] = [];
  setLogDestination(
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    }),
    level,
  );
  return lines;
}

afterEach(() => setLogDestination(null));

describe("redact", () => {
  it("replaces secrets and personal data at any depth, in any letter case, inside arrays", () => {
    const input = {
      orderId: "ord_1",
      headers: { Authorization: "Bearer abc", cookie: "next-auth.session-token=xyz", host: "suoqian.test" },
      body: {
        customer: { name: "张三", phone: "13812345678", email: "zs@example.com" },
        items: [{ productId: "p1", fulfilment: { method: "delivery", address: { street: "所前镇 1 号" } } }],
      },
      password: "hunter22",
      card: { number: "4242424242424242", cvc: "123" },
      deep: { a: { b: { c: { d: { customerEmail: "x@y.cn" } } } } },
    };
    const out = redact(input);
    expect(out).toEqual({
      orderId: "ord_1",
      headers: { Authorization: "[redacted]", cookie: "[redacted]", host: "suoqian.test" },
      body: {
        customer: "[redacted]",
        items: [{ productId: "p1", fulfilment: { method: "delivery", address: "[redacted]" } }],
      },
      password: "[redacted]",
      card: "[redacted]",
      deep: { a: { b: { c: { d: { customerEmail: "[redacted]" } } } } },
    });
    // The caller's object is left as it was.
    expect(input.password).toBe("hunter22");
    expect(input.body.customer.phone).toBe("13812345678");
  });

  it("returns the very same object when nothing needs redacting", () => {
    const line = { method: "POST", path: "/api/orders", status: 201, ms: 3 };
    expect(redact(line)).toBe(line);
  });
});

describe("scrubText and serializeError", () => {
  it("masks e-mail addresses, mainland mobile numbers and card numbers in text", () => {
    expect(scrubText("to zs@example.com, +86 13812345678, card 4242 4242 4242 4242, order SQ-2024 x3")).toBe(
      "to [email], [number], card [number], order SQ-2024 x3",
    );
  });

  it("keeps an error's type, message, code and stack, masked, and nothing it carries", () => {
    const error = Object.assign(new Error("Unique constraint failed for zs@example.com"), {
      code: "P2002",
      meta: { target: ["customerEmail"], value: "zs@example.com" },
      raw: { billing_details: { name: "张三" } },
      requestId: "req_123",
    });
    const out = serializeError(error);
    expect(out).toMatchObject({ type: "Error", message: "Unique constraint failed for [email]", code: "P2002" });
    expect(out.requestId).toBe("req_123");
    expect(JSON.stringify(out)).not.toMatch(/example\.com|张三|meta|raw/);
    expect(serializeError("plain text 13812345678")).toEqual({ type: "string", message: "plain text [number]" });
  });
});

describe("the logger", () => {
  it("writes JSON lines with the level's name, an ISO time, redacted fields and errors reduced", () => {
    const lines = capture();
    log().info({ orderId: "ord_1", customerEmail: "zs@example.com" }, "payment succeeded");
    log().error({ err: new Error("SMTP refused zs@example.com") }, "mail failed");
    log().debug("not at info");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      level: "info",
      orderId: "ord_1",
      customerEmail: "[redacted]",
      msg: "payment succeeded",
    });
    expect(new Date(lines[0]?.time as string).toISOString()).toBe(lines[0]?.time);
    expect(lines[1]).toMatchObject({ level: "error", err: { type: "Error", message: "SMTP refused [email]" } });
  });

  it("puts the request id on every line written inside a request, however deep, and not outside", async () => {
    const lines = capture();
    const deep = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log().info("deep inside");
    };
    await Promise.all([
      runWithRequestLog("req-a", async () => {
        expect(currentRequestId()).toBe("req-a");
        await deep();
      }),
      runWithRequestLog("req-b", deep),
    ]);
    log().info("outside");
    expect(currentRequestId()).toBeUndefined();
    expect(lines.map((l) => l.requestId).sort()).toEqual(["req-a", "req-b", undefined]);
  });
});

describe("levelFrom", () => {
  it("is info by default, silent under Vitest, and LOG_LEVEL when it is a level", () => {
    expect(levelFrom({})).toBe("info");
    expect(levelFrom({ VITEST: "true" })).toBe("silent");
    expect(levelFrom({ VITEST: "true", LOG_LEVEL: "debug" })).toBe("debug");
    expect(levelFrom({ LOG_LEVEL: "warn" })).toBe("warn");
  });

  it("a LOG_LEVEL that is no level refuses the start with one line naming it", () => {
    expect(() => loadConfig({ LOG_LEVEL: "verbose" })).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: "verbose" })).toThrow(/^Invalid setting LOG_LEVEL: must be "fatal"/);
  });
});

describe("loggedPath", () => {
  it("drops the query string and a shared trip's token", () => {
    expect(loggedPath("http://x/api/festivals/a/waitlist/1?token=secret")).toBe("/api/festivals/a/waitlist/1");
    expect(loggedPath("http://x/api/trips/shared/tok_abc/calendar")).toBe("/api/trips/shared/:token/calendar");
  });
});
