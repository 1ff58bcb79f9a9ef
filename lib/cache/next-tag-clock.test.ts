import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";

// patches/next+16.4.6.patch: Next stamps a tag's expiry with Date.now() but asked whether
// it had passed with the monotonic clock (performance.now()). After the wall clock moved
// ahead of it (a paused VM, NTP stepping the clock), an expired tag stayed fresh for as
// long as the difference: a route published by an editor was missing for visitors.
const require = createRequire(import.meta.url);
const { areTagsExpired, tagsManifest } =
  require("next/dist/server/lib/incremental-cache/tags-manifest.external.js") as {
    areTagsExpired: (tags: string[], timestamp: number) => boolean;
    tagsManifest: Map<string, { expired?: number }>;
  };

describe("Next's tag expiry (patched)", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    tagsManifest.delete("routes");
  });

  it("expires a tag at once even when the monotonic clock lags the wall clock by a minute", () => {
    const storedAt = Date.now() - 1_000;
    vi.spyOn(performance, "now").mockReturnValue(Date.now() - performance.timeOrigin - 60_000);
    tagsManifest.set("routes", { expired: Date.now() });
    expect(areTagsExpired(["routes"], storedAt)).toBe(true);
  });

  it("keeps an entry stored after the expiry", () => {
    tagsManifest.set("routes", { expired: Date.now() - 5_000 });
    expect(areTagsExpired(["routes"], Date.now() - 1_000)).toBe(false);
  });
});
