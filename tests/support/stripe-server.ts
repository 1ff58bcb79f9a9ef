import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

// A local Stripe-compatible server for tests: enough of Stripe's REST API for the
// real `stripe` SDK to create Checkout Sessions and refunds against it, with
// Stripe's validation, error shape and idempotency rules. Test controls play the
// buyer (complete, expire) and produce the events Stripe would send, signed the
// way Stripe signs them.

type Params = { [key: string]: string | Params | Params[] | string[] };

export type RecordedRequest = {
  method: string;
  path: string;
  params: Params;
  idempotencyKey: string | null;
  stripeVersion: string | null;
  authorized: boolean;
};

type Session = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "unpaid" | "paid";
  amount_subtotal: number;
  amount_total: number;
  currency: string;
  client_reference_id: string | null;
  customer_email: string | null;
  locale: string | null;
  metadata: Record<string, string>;
  allowed_payment_method_types: string[] | null;
  payment_method_types: string[];
  payment_method_options: Params | null;
  payment_intent: string | null;
  expires_at: number;
  created: number;
  success_url: string | null;
  cancel_url: string | null;
  url: string | null;
  livemode: false;
};

type Charge = {
  id: string;
  object: "charge";
  amount: number;
  amount_refunded: number;
  currency: string;
  payment_intent: string;
  metadata: Record<string, string>;
  refunded: boolean;
  paid: true;
  status: "succeeded";
  created: number;
  livemode: false;
};

type Refund = {
  id: string;
  object: "refund";
  amount: number;
  currency: string;
  charge: string;
  payment_intent: string;
  reason: string | null;
  metadata: Record<string, string>;
  status: "succeeded";
  created: number;
};

class StripeError extends Error {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; param?: string; code?: string },
  ) {
    super(body.message);
  }
}

const invalid = (message: string, param?: string, code = "parameter_invalid") =>
  new StripeError(400, { type: "invalid_request_error", message, ...(param ? { param } : {}), code });
const missing = (param: string) =>
  new StripeError(400, {
    type: "invalid_request_error",
    message: `Missing required param: ${param}.`,
    param,
    code: "parameter_missing",
  });

const id = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("hex")}`;
const seconds = () => Math.floor(Date.now() / 1000);

/** Decodes Stripe's form encoding (`a[b][0][c]=v`) into nested objects and arrays. */
export function parseForm(body: string): Params {
  const root: Params = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = key.match(/^[^[]+|\[[^\]]*\]/g)?.map((p) => p.replace(/^\[|\]$/g, "")) ?? [key];
    let node: Params = root;
    path.forEach((part, i) => {
      if (i === path.length - 1) {
        node[part] = value;
        return;
      }
      node[part] ??= {};
      node = node[part] as Params;
    });
  }
  return arrays(root) as Params;
}

/** `{0: …, 1: …}` → `[…, …]`, as Stripe reads indexed keys. */
function arrays(value: Params | string): Params | string | (Params | string)[] {
  if (typeof value === "string") return value;
  const keys = Object.keys(value);
  const mapped = Object.fromEntries(keys.map((k) => [k, arrays(value[k] as Params)]));
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return keys.map((k) => mapped[k] as Params);
  return mapped as Params;
}

const str = (params: Params, key: string) => (typeof params[key] === "string" ? (params[key] as string) : undefined);
const obj = (params: Params, key: string) =>
  params[key] && typeof params[key] === "object" && !Array.isArray(params[key]) ? (params[key] as Params) : undefined;

function integer(value: unknown, param: string): number {
  if (typeof value !== "string" || !/^-?\d+$/.test(value)) {
    throw invalid(`Invalid integer: ${String(value)}`, param, "parameter_invalid_integer");
  }
  return Number(value);
}

function metadata(params: Params, param = "metadata"): Record<string, string> {
  const value = params[param];
  if (value === undefined || value === "") return {};
  if (typeof value !== "object" || Array.isArray(value)) throw invalid("Invalid object", param);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== "string") throw invalid(`Invalid value for ${param}[${k}]`, `${param}[${k}]`);
    if (k.length > 40) throw invalid("Metadata keys can be at most 40 characters.", `${param}[${k}]`);
    if (v.length > 500) throw invalid("Metadata values can be at most 500 characters.", `${param}[${k}]`);
    out[k] = v;
  }
  return out;
}

const SESSION_PARAMS = new Set([
  "mode",
  "line_items",
  "client_reference_id",
  "metadata",
  "payment_intent_data",
  "customer_email",
  "locale",
  "allowed_payment_method_types",
  "excluded_payment_method_types",
  "payment_method_options",
  "expires_at",
  "success_url",
  "cancel_url",
  "currency",
  "expand",
]);
const METHODS = new Set(["card", "alipay", "wechat_pay"]);
const LOCALES = new Set(["auto", "zh", "zh-HK", "zh-TW", "en", "en-GB"]);

export type StripeServer = {
  url: string;
  requests: RecordedRequest[];
  sessions: Map<string, Session>;
  refunds: Refund[];
  /** The buyer pays: the session completes (paid, or unpaid for a delayed method) with a payment intent. */
  complete(sessionId: string, opts?: { delayed?: boolean }): Stripe.CheckoutSessionCompletedEvent;
  /** A delayed payment method's money arrives. */
  asyncPaymentSucceeded(sessionId: string): Stripe.CheckoutSessionAsyncPaymentSucceededEvent;
  /** Stripe closes an unpaid session (for a paid one: the event a stale, out-of-order delivery would carry). */
  expire(sessionId: string): Stripe.CheckoutSessionExpiredEvent;
  /** Someone refunds in Stripe's dashboard. */
  dashboardRefund(paymentIntentId: string, amount: number): Stripe.ChargeRefundedEvent;
  /** The charge.refunded event for the charge behind a payment intent, as it stands. */
  chargeRefundedEvent(paymentIntentId: string): Stripe.ChargeRefundedEvent;
  /** Signs an event's JSON the way Stripe does (the `stripe-signature` header). */
  signedEvent(event: { id: string }, secret: string): { payload: string; header: string };
  close(): Promise<void>;
};

export async function startStripeServer(options: { secretKey: string }): Promise<StripeServer> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Session>();
  const charges = new Map<string, Charge>();
  const refunds: Refund[] = [];
  // Idempotency-Key → the first request's fingerprint and answer (Stripe keeps them 24 h).
  const idempotent = new Map<string, { fingerprint: string; status: number; body: unknown }>();
  let origin = "";

  function createSession(params: Params): Session {
    for (const key of Object.keys(params)) {
      if (!SESSION_PARAMS.has(key)) throw invalid(`Received unknown parameter: ${key}`, key, "parameter_unknown");
    }
    const mode = str(params, "mode");
    if (!mode) throw missing("mode");
    if (mode !== "payment") throw invalid(`Invalid mode: this server speaks payment mode, not ${mode}`, "mode");
    const lines = params.line_items;
    if (!Array.isArray(lines) || lines.length === 0) throw missing("line_items");
    let currency: string | undefined;
    let total = 0;
    lines.forEach((raw, i) => {
      const line = raw as Params;
      const quantity = integer(line.quantity, `line_items[${i}][quantity]`);
      if (quantity < 1) throw invalid("Quantity must be at least 1.", `line_items[${i}][quantity]`);
      const price = obj(line, "price_data");
      if (!price) throw missing(`line_items[${i}][price_data]`);
      const lineCurrency = str(price, "currency");
      if (!lineCurrency) throw missing(`line_items[${i}][price_data][currency]`);
      if (lineCurrency !== lineCurrency.toLowerCase()) {
        throw invalid(`Invalid currency: ${lineCurrency}`, `line_items[${i}][price_data][currency]`);
      }
      if (currency && lineCurrency !== currency) {
        throw invalid("All line items must share one currency.", `line_items[${i}][price_data][currency]`);
      }
      currency = lineCurrency;
      const unit = integer(price.unit_amount, `line_items[${i}][price_data][unit_amount]`);
      if (unit < 0) throw invalid("unit_amount must be at least 0.", `line_items[${i}][price_data][unit_amount]`);
      const product = obj(price, "product_data");
      if (!product || !str(product, "name")) throw missing(`line_items[${i}][price_data][product_data][name]`);
      total += unit * quantity;
    });
    const methods = params.allowed_payment_method_types;
    if (methods !== undefined) {
      if (!Array.isArray(methods)) throw invalid("Invalid array", "allowed_payment_method_types");
      const names = methods as unknown[];
      for (const m of names) {
        if (typeof m !== "string" || !METHODS.has(m)) {
          throw invalid(`Invalid allowed_payment_method_types: ${String(m)}`, "allowed_payment_method_types");
        }
      }
      if (
        names.includes("wechat_pay") &&
        !str(obj(obj(params, "payment_method_options") ?? {}, "wechat_pay") ?? {}, "client")
      ) {
        throw missing("payment_method_options[wechat_pay][client]");
      }
      if ((names.includes("wechat_pay") || names.includes("alipay")) && currency !== "cny") {
        throw invalid(
          `alipay and wechat_pay need a currency they support, not ${currency}`,
          "allowed_payment_method_types",
        );
      }
    }
    const successUrl = str(params, "success_url");
    if (!successUrl) throw missing("success_url");
    const now = seconds();
    let expiresAt = now + 24 * 3600;
    if (params.expires_at !== undefined) {
      expiresAt = integer(params.expires_at, "expires_at");
      if (expiresAt < now + 30 * 60 || expiresAt > now + 24 * 3600) {
        throw invalid(
          "The `expires_at` timestamp must be between 30 minutes and 24 hours from Checkout Session creation.",
          "expires_at",
        );
      }
    }
    const email = str(params, "customer_email");
    if (email !== undefined && !/^[^@\s]+@[^@\s]+$/.test(email))
      throw invalid(`Invalid email address: ${email}`, "customer_email");
    const locale = str(params, "locale");
    if (locale !== undefined && !LOCALES.has(locale)) throw invalid(`Invalid locale: ${locale}`, "locale");
    const reference = str(params, "client_reference_id");
    if (reference !== undefined && reference.length > 200)
      throw invalid("client_reference_id is too long", "client_reference_id");
    const sessionId = id("cs");
    const session: Session = {
      id: sessionId,
      object: "checkout.session",
      mode,
      status: "open",
      payment_status: "unpaid",
      amount_subtotal: total,
      amount_total: total,
      currency: currency ?? "",
      client_reference_id: reference ?? null,
      customer_email: email ?? null,
      locale: locale ?? null,
      metadata: metadata(params),
      allowed_payment_method_types: Array.isArray(methods) ? (methods as string[]) : null,
      payment_method_types: Array.isArray(methods) ? (methods as string[]) : ["card"],
      payment_method_options: obj(params, "payment_method_options") ?? null,
      payment_intent: null,
      expires_at: expiresAt,
      created: now,
      success_url: successUrl,
      cancel_url: str(params, "cancel_url") ?? null,
      url: `${origin}/c/pay/${sessionId}`,
      livemode: false,
    };
    // Kept for the charge: Stripe copies the payment intent's metadata onto it.
    piMetadata.set(sessionId, metadata(obj(params, "payment_intent_data") ?? {}, "metadata"));
    sessions.set(session.id, session);
    return session;
  }
  const piMetadata = new Map<string, Record<string, string>>();

  function createRefund(params: Params): Refund {
    const paymentIntent = str(params, "payment_intent");
    if (!paymentIntent) throw missing("payment_intent");
    const charge = [...charges.values()].find((c) => c.payment_intent === paymentIntent);
    if (!charge) {
      throw new StripeError(400, {
        type: "invalid_request_error",
        message: `No such payment_intent: '${paymentIntent}'`,
        param: "payment_intent",
        code: "resource_missing",
      });
    }
    const remaining = charge.amount - charge.amount_refunded;
    const amount = params.amount === undefined ? remaining : integer(params.amount, "amount");
    if (amount < 1) throw invalid("Refund amount must be positive.", "amount");
    if (amount > remaining) {
      throw new StripeError(400, {
        type: "invalid_request_error",
        message: `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
        param: "amount",
        code: "amount_too_large",
      });
    }
    const reason = str(params, "reason");
    if (reason !== undefined && !["duplicate", "fraudulent", "requested_by_customer"].includes(reason)) {
      throw invalid(`Invalid reason: ${reason}`, "reason");
    }
    charge.amount_refunded += amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund: Refund = {
      id: id("re"),
      object: "refund",
      amount,
      currency: charge.currency,
      charge: charge.id,
      payment_intent: paymentIntent,
      reason: reason ?? null,
      metadata: metadata(params),
      status: "succeeded",
      created: seconds(),
    };
    refunds.push(refund);
    return refund;
  }

  function route(method: string, path: string, params: Params): unknown {
    if (method === "POST" && path === "/v1/checkout/sessions") return createSession(params);
    const sessionPath = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path);
    if (method === "GET" && sessionPath) {
      const session = sessions.get(decodeURIComponent(sessionPath[1] ?? ""));
      if (session) return session;
      throw new StripeError(404, {
        type: "invalid_request_error",
        message: `No such checkout.session: '${sessionPath[1]}'`,
        param: "session",
        code: "resource_missing",
      });
    }
    if (method === "POST" && path === "/v1/refunds") return createRefund(params);
    throw new StripeError(404, {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}).`,
    });
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { "content-type": "application/json", "request-id": id("req"), ...headers });
    res.end(JSON.stringify(body));
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const body = Buffer.concat(chunks).toString("utf8");
    const params = parseForm(method === "GET" ? url.searchParams.toString() : body);
    const idempotencyKey = typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : null;
    const authorized = req.headers.authorization === `Bearer ${options.secretKey}`;
    requests.push({
      method,
      path: url.pathname,
      params,
      idempotencyKey,
      stripeVersion: typeof req.headers["stripe-version"] === "string" ? req.headers["stripe-version"] : null,
      authorized,
    });
    if (!authorized) {
      return send(res, 401, {
        error: { type: "invalid_request_error", message: "Invalid API Key provided.", code: "api_key_invalid" },
      });
    }
    const fingerprint = `${method} ${url.pathname} ${body}`;
    const seen = idempotencyKey && method === "POST" ? idempotent.get(idempotencyKey) : undefined;
    if (seen) {
      if (seen.fingerprint !== fingerprint) {
        return send(res, 400, {
          error: {
            type: "idempotency_error",
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
          },
        });
      }
      return send(res, seen.status, seen.body, { "idempotent-replayed": "true" });
    }
    try {
      const result = route(method, url.pathname, params);
      // Stripe saves an idempotent result only once the request passed validation and ran.
      if (idempotencyKey && method === "POST")
        idempotent.set(idempotencyKey, { fingerprint, status: 200, body: result });
      send(res, 200, result);
    } catch (error) {
      if (!(error instanceof StripeError)) throw error;
      send(res, error.status, { error: error.body });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, { error: { type: "api_error", message: String(error) } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function event<T extends Stripe.Event>(type: T["type"], object: unknown): T {
    return {
      id: id("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: seconds(),
      type,
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
    } as unknown as T;
  }

  function session(sessionId: string): Session {
    const found = sessions.get(sessionId);
    if (!found) throw new Error(`no checkout session ${sessionId}`);
    return found;
  }

  function pay(s: Session) {
    const paymentIntent = id("pi");
    s.payment_intent = paymentIntent;
    s.payment_status = "paid";
    charges.set(paymentIntent, {
      id: id("ch"),
      object: "charge",
      amount: s.amount_total,
      amount_refunded: 0,
      currency: s.currency,
      payment_intent: paymentIntent,
      metadata: { ...piMetadata.get(s.id) },
      refunded: false,
      paid: true,
      status: "succeeded",
      created: seconds(),
      livemode: false,
    });
  }

  function charge(paymentIntentId: string): Charge {
    const found = charges.get(paymentIntentId);
    if (!found) throw new Error(`no charge for ${paymentIntentId}`);
    return found;
  }

  return {
    url: origin,
    requests,
    sessions,
    refunds,
    complete(sessionId, opts = {}) {
      const s = session(sessionId);
      if (s.status !== "open") throw new Error(`session ${sessionId} is ${s.status}`);
      s.status = "complete";
      if (opts.delayed) s.payment_intent = id("pi");
      else pay(s);
      return event("checkout.session.completed", s);
    },
    asyncPaymentSucceeded(sessionId) {
      const s = session(sessionId);
      if (s.status !== "complete" || s.payment_status !== "unpaid")
        throw new Error(`session ${sessionId} is not awaiting payment`);
      const pending = s.payment_intent;
      pay(s);
      if (pending) {
        // Keep the payment intent created at completion.
        const c = charge(s.payment_intent as string);
        charges.delete(s.payment_intent as string);
        c.payment_intent = pending;
        charges.set(pending, c);
        s.payment_intent = pending;
      }
      return event("checkout.session.async_payment_succeeded", s);
    },
    expire(sessionId) {
      const s = session(sessionId);
      if (s.status === "open") {
        s.status = "expired";
        s.url = null;
      }
      // For a session already paid: the event as if it had expired first, to deliver out of order.
      return event("checkout.session.expired", { ...s, status: "expired", url: null });
    },
    dashboardRefund(paymentIntentId, amount) {
      createRefund({ payment_intent: paymentIntentId, amount: String(amount) });
      return event("charge.refunded", charge(paymentIntentId));
    },
    chargeRefundedEvent(paymentIntentId) {
      return event("charge.refunded", charge(paymentIntentId));
    },
    signedEvent(e, secret) {
      const payload = JSON.stringify(e, null, 2);
      return { payload, header: Stripe.webhooks.generateTestHeaderString({ payload, secret }) };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Stripe mode for one test file: the local server started and the STRIPE_* settings
 * pointing at it. Call it from `vi.hoisted`, before the app reads its settings.
 */
export async function startStripeMode(options: { secretKey: string; webhookSecret: string; methods: string[] }) {
  const { vi } = await import("vitest");
  const server = await startStripeServer({ secretKey: options.secretKey });
  vi.stubEnv("STRIPE_SECRET_KEY", options.secretKey);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", options.webhookSecret);
  vi.stubEnv("STRIPE_PAYMENT_METHODS", options.methods.join(","));
  vi.stubEnv("STRIPE_API_URL", server.url);
  return { server, ...options };
}
