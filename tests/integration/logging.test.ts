import { Writable } from "node:stream";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The logs of a request: its id on the answer's x-request-id and on every line written
// while it is handled (route handlers through withRoute, server actions through
// defineAction, pages through proxy.ts), one access line per API request, and payment,
// refund and webhook events logged with the order id and never the buyer's details.

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn(async () => null) }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN"), getLocale: async () => "zh-CN" };
});
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));
// What proxy.ts passed on to the action's request.
const incoming = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => incoming.headers,
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));

import { NextRequest } from "next/server";
import Stripe from "stripe";
import { GET as listRoutes } from "../../app/api/routes/route";
import type { PaymentsConfig } from "../../lib/config";
import { log, runWithRequestLog, setLogDestination } from "../../lib/log";
import { withRoute } from "../../modules/auth/route-guard";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder } from "../../modules/orders/create-order";
import { demoPaymentAction } from "../../modules/payments/actions";
import { handleStripeWebhook } from "../../modules/payments/stripe/webhook";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import proxy from "../../proxy";
import { testDb as db } from "../support/db";

type Line = Record<string, unknown> & { level: string; msg: string; requestId?: string };

let lines: Line[] = [];
let raw = "";

beforeEach(() => {
  lines = [];
  raw = "";
  setLogDestination(
    new Writable({
      write(chunk, _encoding, done) {
        raw += String(chunk);
        for (const line of String(chunk).split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    }),
    "info",
  );
});
afterEach(() => setLogDestination(null));
afterAll(() => db.$disconnect());

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1${path}`, { headers });

/** No line names the buyer: not their e-mail, mobile number or name. */
function expectNoPersonalData() {
  expect(raw).not.toContain(customer.email);
  expect(raw).not.toContain(customer.phone);
  expect(raw).not.toContain(customer.name);
}

async function placeOrder() {
  const { single, session } = await createSaleFixture(db, { capacity: 10 });
  const created = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId: single.id, sessionId: session.id, quantity: 2 }], customer },
    { userId: null, locale: "zh-CN" },
  );
  return { order: created.order, accessToken: created.accessToken };
}

describe("a route handler's request id", () => {
  it("makes one when the request has none: on the answer and on the access line", async () => {
    const response = await listRoutes(get("/api/routes?category=picking"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    expect(lines).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "request",
        requestId: id,
        method: "GET",
        path: "/api/routes",
        status: 200,
        ms: expect.any(Number),
      }),
    ]);
  });

  it("echoes a well-formed incoming x-request-id, and puts it on every line written inside the handler", async () => {
    const handler = withRoute("public", async () => {
      log().info({ step: 1 }, "first");
      await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.resolve().then(() => log().warn({ step: 2 }, "after a wait"));
      return Response.json({ ok: true }, { status: 202 });
    });
    const response = await handler(get("/api/anything", { "x-request-id": "lb-4f2a.9" }), {});
    expect(response.headers.get("x-request-id")).toBe("lb-4f2a.9");
    expect(lines.map((l) => [l.msg, l.requestId])).toEqual([
      ["first", "lb-4f2a.9"],
      ["after a wait", "lb-4f2a.9"],
      ["request", "lb-4f2a.9"],
    ]);
    expect(lines[2]).toMatchObject({ status: 202, path: "/api/anything" });
  });

  it("keeps two requests at once apart", async () => {
    const handler = withRoute("public", async (request) => {
      await new Promise((resolve) => setTimeout(resolve, request.url.endsWith("slow") ? 20 : 1));
      log().info("work");
      return new Response(null, { status: 204 });
    });
    await Promise.all([
      handler(get("/api/x/slow", { "x-request-id": "req-slow" }), {}),
      handler(get("/api/x/fast", { "x-request-id": "req-fast" }), {}),
    ]);
    const work = lines.filter((l) => l.msg === "request").map((l) => [l.path, l.requestId]);
    expect(work.sort()).toEqual([
      ["/api/x/fast", "req-fast"],
      ["/api/x/slow", "req-slow"],
    ]);
  });

  it("replaces a malformed incoming id (spaces, markup, too long) with a new one", async () => {
    const handler = withRoute("public", async () => new Response("ok"));
    for (const bad of ['"><script>', "a b", "x".repeat(129)]) {
      const response = await handler(get("/api/x", { "x-request-id": bad }), {});
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
    expect(raw).not.toContain("<script>");
  });

  it("refusals carry it too: 401 for a stranger, 400 for a path no database can store", async () => {
    const guarded = withRoute("trips.manage", async () => new Response("never"));
    const refused = await guarded(get("/api/trips", { "x-request-id": "r-401" }), {});
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-request-id")).toBe("r-401");
    const bad = await guarded(get("/api/trips?q=%00", { "x-request-id": "r-400" }), {});
    expect(bad.status).toBe(400);
    expect(bad.headers.get("x-request-id")).toBe("r-400");
    expect(lines.map((l) => [l.requestId, l.status, l.path])).toEqual([
      ["r-401", 401, "/api/trips"],
      ["r-400", 400, "/api/trips"],
    ]);
  });

  it("logs a load balancer's healthy /api/health at debug only, an unhealthy one at info", async () => {
    let status = 200;
    const health = withRoute("public", async () => Response.json({}, { status }));
    await health(get("/api/health"), {});
    expect(lines).toEqual([]);
    status = 503;
    await health(get("/api/health"), {});
    expect(lines).toEqual([expect.objectContaining({ level: "info", path: "/api/health", status: 503 })]);
  });

  it("adds it to an answer whose headers are fixed (a redirect)", async () => {
    const handler = withRoute("public", async () => Response.redirect("http://127.0.0.1/elsewhere", 303));
    const response = await handler(get("/api/go", { "x-request-id": "r-303" }), {});
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("http://127.0.0.1/elsewhere");
    expect(response.headers.get("x-request-id")).toBe("r-303");
  });

  it("logs a handler's failure with the request id, the error masked, and lets it through", async () => {
    const handler = withRoute("public", async () => {
      throw new Error(`database refused ${customer.email}`);
    });
    await expect(handler(get("/api/boom", { "x-request-id": "r-500" }), {})).rejects.toThrow("database refused");
    expect(lines).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "request failed",
        requestId: "r-500",
        status: 500,
        err: expect.objectContaining({ type: "Error", message: "database refused [email]" }),
      }),
    ]);
    expectNoPersonalData();
  });
});

describe("payment, refund and webhook events", () => {
  const webhookSecret = "whsec_loggingTest";
  const stripeConfig: PaymentsConfig = {
    provider: "stripe",
    secretKey: "sk_test_loggingTest",
    webhookSecret,
    methods: ["card"],
    apiUrl: undefined,
  };
  const webhook = withRoute("public", (request) => handleStripeWebhook(request, stripeConfig));

  function signed(event: object, requestId: string) {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    return new Request("http://127.0.0.1/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature, "x-request-id": requestId },
      body: payload,
    });
  }

  it("a Stripe payment: received, succeeded and handled, each with the order id and the request id, no buyer", async () => {
    const { order } = await placeOrder();
    const event = {
      id: `evt_log_${order.id}`,
      object: "event",
      type: "checkout.session.completed",
      data: {
        object: {
          id: `cs_log_${order.id}`,
          object: "checkout.session",
          client_reference_id: order.id,
          metadata: { orderId: order.id },
          payment_status: "paid",
          payment_intent: `pi_log_${order.id}`,
          amount_total: order.totalCents,
          currency: "cny",
          customer_email: customer.email,
          customer_details: { email: customer.email, name: customer.name, phone: customer.phone },
          payment_method_types: ["card"],
        },
      },
    };
    const response = await webhook(signed(event, "wh-1"), {});
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("wh-1");
    expect(await response.json()).toMatchObject({ result: "paid" });
    const events = lines.map((l) => l.msg);
    expect(events).toEqual(["webhook received", "payment succeeded", "webhook handled", "request"]);
    for (const line of lines) expect(line.requestId).toBe("wh-1");
    for (const line of lines.slice(0, 3)) expect(line.orderId).toBe(order.id);
    expect(lines[0]).toMatchObject({ eventId: event.id, type: "checkout.session.completed" });
    expect(lines[1]).toMatchObject({
      level: "info",
      provider: "STRIPE",
      paymentRef: event.data.object.id,
      paymentIntentId: event.data.object.payment_intent,
      amountCents: order.totalCents,
      tickets: 2,
    });

    // The same event again: a duplicate, logged as such.
    lines = [];
    const again = await webhook(signed(event, "wh-2"), {});
    expect(again.status).toBe(200);
    expect(lines.map((l) => [l.msg, l.requestId, l.orderId])).toEqual(
      expect.arrayContaining([
        ["webhook received", "wh-2", order.id],
        ["payment duplicate", "wh-2", order.id],
      ]),
    );
    expectNoPersonalData();
  });

  it("an event we do not act on is logged as ignored; a bad signature as refused", async () => {
    const ignored = await webhook(
      signed({ id: "evt_log_ignored", object: "event", type: "customer.created", data: { object: {} } }, "wh-3"),
      {},
    );
    expect(ignored.status).toBe(200);
    expect(lines.map((l) => l.msg)).toEqual(["webhook received", "webhook ignored", "request"]);
    lines = [];
    const forged = await webhook(
      new Request("http://127.0.0.1/api/webhooks/stripe", {
        method: "POST",
        headers: { "stripe-signature": "t=1,v1=00", "x-request-id": "wh-4" },
        body: "{}",
      }),
      {},
    );
    expect(forged.status).toBe(400);
    expect(lines.map((l) => [l.level, l.msg, l.requestId])).toEqual([
      ["warn", "webhook refused: bad signature", "wh-4"],
      ["info", "request", "wh-4"],
    ]);
  });

  it("a demo payment through its server action carries the id proxy.ts passed on; the refund is logged with its ids", async () => {
    const { order, accessToken } = await placeOrder();
    incoming.headers = new Headers({ "x-request-id": "act-1" });
    const form = new FormData();
    form.set("orderId", order.id);
    form.set("token", accessToken);
    form.set("decision", "pay");
    const state = await demoPaymentAction({ status: "idle" }, form);
    expect(state).toEqual({ status: "success", data: { result: "paid" } });
    expect(lines).toEqual([
      expect.objectContaining({
        msg: "payment succeeded",
        requestId: "act-1",
        orderId: order.id,
        provider: "DEMO",
        amountCents: order.totalCents,
      }),
    ]);

    lines = [];
    const cancelled = await runWithRequestLog("cancel-1", () =>
      cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } }),
    );
    expect(cancelled).toMatchObject({ status: "REFUNDED", refundPending: false });
    const refund = await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
    expect(lines.map((l) => l.msg)).toEqual(["tickets cancelled", "refund requested", "refund confirmed"]);
    for (const line of lines) expect(line).toMatchObject({ requestId: "cancel-1", orderId: order.id });
    expect(lines[1]).toMatchObject({
      refundId: refund.id,
      paymentId: refund.paymentId,
      amountCents: refund.amountCents,
    });
    expect(lines[2]).toMatchObject({ refundId: refund.id, providerRefundId: refund.providerRef });
    expectNoPersonalData();
  });

  it("an action called outside a request still logs, under a new id", async () => {
    incoming.headers = new Headers({ "x-request-id": "not well formed!" });
    const { order, accessToken } = await placeOrder();
    const form = new FormData();
    form.set("orderId", order.id);
    form.set("token", accessToken);
    form.set("decision", "pay");
    await demoPaymentAction({ status: "idle" }, form);
    expect(lines[0]?.requestId).toMatch(UUID);
  });
});

describe("pages: proxy.ts", () => {
  it("gives a page's answer a request id and passes the same id on to the page's server code", () => {
    const response = proxy(new NextRequest("http://127.0.0.1/routes"));
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(UUID);
    // Next applies x-middleware-request-* to the request the page (or action) then reads.
    expect(response.headers.get("x-middleware-request-x-request-id")).toBe(id);
  });

  it("echoes a well-formed incoming id, on pages, English pages, photos and refusals", () => {
    for (const path of ["/festivals", "/en/routes", "/media/a.webp", "/bad%ZZ"]) {
      const response = proxy(new NextRequest(`http://127.0.0.1${path}`, { headers: { "x-request-id": "edge-77" } }));
      expect(response.headers.get("x-request-id"), path).toBe("edge-77");
    }
    const malformed = proxy(new NextRequest("http://127.0.0.1/", { headers: { "x-request-id": "a b" } }));
    expect(malformed.headers.get("x-request-id")).toMatch(UUID);
    expect(malformed.headers.get("x-middleware-request-x-request-id")).toBe(malformed.headers.get("x-request-id"));
  });
});
