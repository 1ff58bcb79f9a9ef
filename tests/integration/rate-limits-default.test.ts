import { afterAll, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { consumeLimit } from "../../lib/rate-limit/limiter";
import { testDb as db } from "../support/db";

afterAll(() => db.$disconnect());

describe("the default order limit per address", () => {
  it("still admits several hundred orders a minute from one address (a festival crowd behind one NAT)", async () => {
    expect(env.rateLimits.orders).toEqual({ points: 600, durationSeconds: 60 });
    const address = `nat-${Date.now()}`;
    const verdicts = [];
    for (let i = 0; i < 400; i++) verdicts.push(await consumeLimit("orders", address));
    expect(verdicts.every((v) => v.ok)).toBe(true);
  }, 60_000);
});
