import { describe, expect, it } from "vitest";
import { stripeConnection } from "./client";

describe("stripeConnection", () => {
  it("talks to Stripe itself when no API URL is set", () => {
    expect(stripeConnection(undefined)).toEqual({});
  });

  it("splits a local server's URL into the host, port and protocol the SDK takes", () => {
    expect(stripeConnection("http://127.0.0.1:12111")).toEqual({ host: "127.0.0.1", port: 12111, protocol: "http" });
    expect(stripeConnection("https://stripe.internal/")).toEqual({
      host: "stripe.internal",
      port: 443,
      protocol: "https",
    });
    expect(stripeConnection("http://localhost")).toEqual({ host: "localhost", port: 80, protocol: "http" });
  });

  it("refuses a URL the SDK could not honour", () => {
    expect(() => stripeConnection("http://127.0.0.1:12111/v1")).toThrow(/path/);
    expect(() => stripeConnection("ftp://127.0.0.1")).toThrow(/http/);
  });
});
