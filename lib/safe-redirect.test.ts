import { describe, expect, it } from "vitest";
import { localisedPath, safeCallbackPath } from "./safe-redirect";

const site = "https://suoqian.example";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/admin?x=1", site)).toBe("/admin?x=1");
    expect(safeCallbackPath("/en/account#tickets", site)).toBe("/en/account#tickets");
    expect(safeCallbackPath("/routes/%E7%BA%A2", site)).toBe("/routes/%E7%BA%A2");
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\t\\evil.example",
    "/%09/evil.example/../\u0000",
    "https://suoqian.example/account",
    "admin",
    "",
    null,
    undefined,
  ])("refuses %j", (value) => {
    expect(safeCallbackPath(value, site)).toBeNull();
  });

  it("refuses what the sign-in page receives for callbackUrl=%2F%09%2Fevil.example", () => {
    const received = new URLSearchParams("callbackUrl=%2F%09%2Fevil.example").get("callbackUrl");
    expect(safeCallbackPath(received, site)).toBeNull();
    for (const encoded of ["%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%5C%09%5Cevil.example"]) {
      expect(safeCallbackPath(new URLSearchParams(`c=${encoded}`).get("c"), site)).toBeNull();
    }
  });
});

describe("a callback whose dot segments resolve to another host", () => {
  it.each([
    "%2F..%2F%2Fevil.example",
    "%2F.%2F%2Fevil.example",
    "%2Fa%2F..%2F%2Fevil.example",
    "%2F%2e%2e%2F%2Fevil.example",
    "%2F..%2F%2Fevil.example%2Faccount%3Fx%3D1",
    "%2Fa%2Fb%2F..%2F..%2F%2Fevil.example",
  ])("is refused, never a path starting with // (callbackUrl=%s)", (encoded) => {
    const received = new URLSearchParams(`callbackUrl=${encoded}`).get("callbackUrl");
    expect(safeCallbackPath(received, site)).toBeNull();
  });

  it("still keeps dot segments that stay on the site", () => {
    expect(safeCallbackPath("/a/../account", site)).toBe("/account");
    expect(safeCallbackPath("/en/./account", site)).toBe("/en/account");
  });
});

describe("localisedPath", () => {
  it("keeps a path that names its locale, so /en/account never becomes /en/en/account", () => {
    expect(localisedPath("/en/account", "en")).toBe("/en/account");
    expect(localisedPath("/en", "en")).toBe("/en");
    expect(localisedPath("/en/account", "zh-CN")).toBe("/en/account");
  });

  it("gives a bare path the page's locale", () => {
    expect(localisedPath("/account", "en")).toBe("/en/account");
    expect(localisedPath("/", "en")).toBe("/en");
    expect(localisedPath("/account", "zh-CN")).toBe("/account");
    expect(localisedPath("/english-tea", "en")).toBe("/en/english-tea");
  });
});
