import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// Small limits for this file, set before the app reads its settings.
vi.hoisted(() => {
  vi.stubEnv("RATE_LIMIT_SIGN_IN", "3/2s");
  vi.stubEnv("RATE_LIMIT_SIGN_IN_ADDRESS", "6/1m");
  vi.stubEnv("RATE_LIMIT_ORDERS", "4/1m");
});

import { RateLimiterPrisma } from "rate-limiter-flexible";
import { signInWithLimits } from "../../modules/auth/sign-in-limits";
import { createOrderResponse } from "../../modules/orders/api";
import { testDb as db } from "../support/db";

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.$disconnect();
});

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
/** An address of this test's own, so runs against the same database do not share counts. */
const address = () =>
  `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;

/** A sign-in POST as next-auth's browser client sends it, from one address. */
function attempt(email: string, address: string) {
  return new Request("http://127.0.0.1:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-forwarded-for": address,
      "accept-language": "en",
    },
    body: new URLSearchParams({ email, password: "whatever", csrfToken: "x", json: "true" }),
  });
}

/** The same attempt with a JSON body, which next-auth reads as well. */
function jsonAttempt(email: string, address: string) {
  return new Request("http://127.0.0.1:3000/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address, "accept-language": "en" },
    body: JSON.stringify({ email: ` ${email.toUpperCase()} `, password: "whatever", csrfToken: "x", json: "true" }),
  });
}

const answers401 = () => answers(401);

/** Stands in for next-auth: 200 for the right password, 401 otherwise. */
const answers = (status: number) => {
  const fn = vi.fn(async () => new Response("{}", { status }));
  return fn;
};

describe("signing in too often", () => {
  let here = "";
  beforeEach(() => {
    here = address();
  });

  it("answers 429 with Retry-After and a localized message once the account's attempts are used up, without checking the password", async () => {
    const email = `limit-${unique()}@example.com`;
    const wrong = answers(401);
    for (let i = 0; i < 3; i++) expect((await signInWithLimits(attempt(email, here), wrong)).status).toBe(401);
    const limited = await signInWithLimits(attempt(email, here), wrong);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = await limited.json();
    expect(body).toMatchObject({ error: "rate_limited", message: expect.stringMatching(/^Too many attempts/) });
    expect(new URL(body.url).searchParams.get("error")).toBe("RateLimited");
    expect(wrong).toHaveBeenCalledTimes(3);
  });

  it("counts a JSON-body attempt against its account too: wrong passwords from many addresses lock it", async () => {
    const email = `json-${unique()}@example.com`;
    const wrong = answers(401);
    for (let i = 0; i < 3; i++) expect((await signInWithLimits(jsonAttempt(email, address()), wrong)).status).toBe(401);
    expect((await signInWithLimits(jsonAttempt(email, address()), wrong)).status).toBe(429);
    // The form and the JSON body name the same account.
    expect((await signInWithLimits(attempt(email, address()), wrong)).status).toBe(429);
    expect(wrong).toHaveBeenCalledTimes(3);
  });

  it("lets the right password in again once the window has passed", async () => {
    const email = `window-${unique()}@example.com`;
    for (let i = 0; i < 3; i++) await signInWithLimits(attempt(email, here), answers(401));
    expect((await signInWithLimits(attempt(email, here), answers(200))).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    expect((await signInWithLimits(attempt(email, here), answers(200))).status).toBe(200);
  });

  it("clears an account's failures when the right password comes", async () => {
    const email = `reset-${unique()}@example.com`;
    for (let i = 0; i < 2; i++) await signInWithLimits(attempt(email, here), answers(401));
    expect((await signInWithLimits(attempt(email, here), answers(200))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await signInWithLimits(attempt(email, here), answers(401))).status).toBe(401);
  });

  it("limits one address trying many accounts", async () => {
    const spray = address();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await signInWithLimits(attempt(`spray-${unique()}@example.com`, spray), answers(401))).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
    // Another address is not affected.
    expect((await signInWithLimits(attempt(`spray-${unique()}@example.com`, address()), answers(401))).status).toBe(
      401,
    );
  });

  it("counts only failures against an address: many right passwords from one NAT lock nobody out", async () => {
    const nat = address();
    for (let i = 0; i < 20; i++) {
      expect((await signInWithLimits(attempt(`crowd-${unique()}@example.com`, nat), answers(200))).status).toBe(200);
    }
    for (let i = 0; i < 6; i++) {
      expect((await signInWithLimits(attempt(`crowd-${unique()}@example.com`, nat), answers(401))).status).toBe(401);
    }
    expect((await signInWithLimits(attempt(`crowd-${unique()}@example.com`, nat), answers(401))).status).toBe(429);
  });

  it("counts attempts arriving at once exactly: no more get through than the limit", async () => {
    const from = address();
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => signInWithLimits(attempt(`burst-${unique()}@example.com`, from), answers401())),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(6);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(34);
  });

  it("counts in the database, so another process sees the same count", async () => {
    const email = `shared-${unique()}@example.com`;
    await signInWithLimits(attempt(email, here), answers(401));
    // A second client, as another server instance would have, with the same store.
    const elsewhere = new RateLimiterPrisma({
      storeClient: db,
      tableName: "rateLimiterFlexible",
      keyPrefix: "signIn",
      points: 3,
      duration: 2,
    });
    expect((await elsewhere.get(email))?.consumedPoints).toBe(1);
    await elsewhere.consume(email, 2);
    expect((await signInWithLimits(attempt(email, here), answers(200))).status).toBe(429);
  });
});

describe("placing orders too often from one address", () => {
  const post = (address: string) =>
    createOrderResponse(new Request("http://127.0.0.1/api/orders", { method: "POST", body: "{}" }), {
      locale: "zh-CN",
      userId: null,
      provenPhones: new Set(),
      address,
    });

  it("answers 429 with Retry-After past the limit, counting malformed requests too; other addresses go on", async () => {
    const from = address();
    for (let i = 0; i < 4; i++) expect((await post(from)).status).toBe(400);
    const limited = await post(from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await limited.json()).message).toMatch(/^尝试次数过多/);
    expect((await post(address())).status).toBe(400);
  });
});
