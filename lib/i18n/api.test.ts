import { describe, expect, it } from "vitest";
import { apiLocale } from "./api";

const req = (url: string, headers: Record<string, string> = {}) => new Request(`http://127.0.0.1${url}`, { headers });

describe("apiLocale", () => {
  it("is Chinese unless something asks for English", () => {
    expect(apiLocale(req("/api/routes"))).toBe("zh-CN");
    expect(apiLocale(req("/api/routes", { "accept-language": "fr-FR" }))).toBe("zh-CN");
  });

  it("follows ?lang=, then the site's cookie, then Accept-Language by weight", () => {
    expect(apiLocale(req("/api/routes?lang=en", { "accept-language": "zh-CN" }))).toBe("en");
    expect(apiLocale(req("/api/routes", { cookie: "a=1; NEXT_LOCALE=en", "accept-language": "zh" }))).toBe("en");
    expect(apiLocale(req("/api/routes", { "accept-language": "zh-CN;q=0.5, en-GB;q=0.9" }))).toBe("en");
    expect(apiLocale(req("/api/routes", { "accept-language": "en;q=0.2, zh-TW" }))).toBe("zh-CN");
  });
});
