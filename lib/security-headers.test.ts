import { describe, expect, it, vi } from "vitest";
import { configuredTiles, tileConfig } from "./map-tiles";
import { contentSecurityPolicy, securityHeaders, tileSources } from "./security-headers";

const osm = tileConfig("osm");

describe("securityHeaders", () => {
  it("closes framing, sniffing, plug-ins and foreign form targets on every path", () => {
    const h = securityHeaders("/", { tiles: osm, siteUrl: "http://localhost:3000" });
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    for (const directive of [
      "default-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "form-action 'self'",
      "base-uri 'self'",
      "connect-src 'self'",
    ]) {
      expect(h["Content-Security-Policy"]).toContain(directive);
    }
    expect(h["Content-Security-Policy"]).not.toContain("unsafe-eval");
  });

  it("lets only the gate use the camera, in both languages", () => {
    const site = { tiles: osm, siteUrl: "http://localhost:3000" };
    expect(securityHeaders("/organiser/check-in", site)["Permissions-Policy"]).toContain("camera=(self)");
    expect(securityHeaders("/en/organiser/check-in", site)["Permissions-Policy"]).toContain("camera=(self)");
    for (const path of ["/", "/organiser", "/organiser/check-in-elsewhere", "/account"]) {
      expect(securityHeaders(path, site)["Permissions-Policy"]).toContain("camera=()");
    }
  });

  it("adds HSTS and upgrades insecure requests only when the site is served over HTTPS", () => {
    const https = securityHeaders("/", { tiles: osm, siteUrl: "https://trips.example.cn" });
    expect(https["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(https["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
    const http = securityHeaders("/", { tiles: osm, siteUrl: "http://localhost:3000" });
    expect(http["Strict-Transport-Security"]).toBeUndefined();
    expect(http["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("allows images from the configured map tiles and no other host", () => {
    expect(tileSources(osm)).toEqual(["https://tile.openstreetmap.org"]);
    expect(tileSources(tileConfig("tianditu", "key"))).toEqual(["https://*.tianditu.gov.cn"]);
    expect(tileSources(tileConfig("gaode"))).toEqual(["https://*.is.autonavi.com"]);
    expect(contentSecurityPolicy(tileConfig("gaode"), false)).toMatch(
      /img-src 'self' data: blob: https:\/\/\*\.is\.autonavi\.com;/,
    );
  });

  it("allows Tianditu's tiles when only its key is set, as the maps then draw on them", () => {
    expect(contentSecurityPolicy(configuredTiles({ TIANDITU_KEY: "key" }), false)).toMatch(
      /img-src 'self' data: blob: https:\/\/\*\.tianditu\.gov\.cn;/,
    );
    expect(contentSecurityPolicy(configuredTiles({ TIANDITU_KEY: "key", MAP_TILES: "osm" }), false)).toMatch(
      /img-src 'self' data: blob: https:\/\/tile\.openstreetmap\.org;/,
    );
  });

  it("proxy.ts sends that policy: Tianditu's host in img-src when only TIANDITU_KEY is set", async () => {
    vi.resetModules();
    vi.stubEnv("MAP_TILES", undefined);
    vi.stubEnv("TIANDITU_KEY", "key");
    try {
      const { NextRequest } = await import("next/server");
      const proxy = (await import("../proxy")).default;
      const csp = proxy(new NextRequest("http://127.0.0.1/routes")).headers.get("Content-Security-Policy") ?? "";
      expect(csp).toMatch(/img-src [^;]*https:\/\/\*\.tianditu\.gov\.cn/);
      expect(csp).not.toContain("openstreetmap");
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("sends API answers the same protections, stricter: they load nothing and nobody frames them", async () => {
    const file = new URL("../next.config.mjs", import.meta.url).href;
    const config = (await import(/* @vite-ignore */ file)).default as {
      headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]>;
    };
    const rules = await config.headers();
    const api = rules.find((r) => r.source === "/api/:path*");
    const h = Object.fromEntries((api?.headers ?? []).map((x) => [x.key, x.value]));
    const page = securityHeaders("/", { tiles: osm, siteUrl: "http://localhost:3000" });
    expect(h["Content-Security-Policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    for (const name of ["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"] as const) {
      expect(h[name]).toBe(page[name]);
    }
    expect(h["Permissions-Policy"]).toContain("camera=()");
  });
});
