import { beforeEach, describe, expect, it, vi } from "vitest";

// A model of Next's data cache as it behaves: an entry is stamped when it is stored,
// and a tag expired at time T hides the entries stored before T (and only those).
const cache = vi.hoisted(() => {
  const state = {
    clock: 1_000,
    entries: new Map<string, { value: unknown; storedAt: number; tags: string[] }>(),
    expiredAt: new Map<string, number>(),
  };
  const expired = (entry: { storedAt: number; tags: string[] }) =>
    entry.tags.some((tag) => (state.expiredAt.get(tag) ?? -1) >= entry.storedAt);
  return {
    state,
    unstable_cache:
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[], options: { tags: string[] }) =>
      async (...args: A): Promise<R> => {
        const key = JSON.stringify([keyParts, args]);
        const entry = state.entries.get(key);
        if (entry && !expired(entry)) return entry.value as R;
        const value = await fn(...args);
        state.clock += 1;
        state.entries.set(key, { value, storedAt: state.clock, tags: options.tags });
        return value;
      },
    updateTag: (tag: string) => {
      state.clock += 1;
      state.expiredAt.set(tag, state.clock);
    },
  };
});
vi.mock("next/cache", () => ({ unstable_cache: cache.unstable_cache, updateTag: cache.updateTag }));

const { cachedRead, expireTags, generationOf, SETTLE } = await import("./tagged-read");
SETTLE.afterReadsMs = 30;
SETTLE.atMostMs = 300;

describe("cached catalogue reads", () => {
  let published: string[];
  let reads: number;
  let gate: Promise<void> | null;
  const read = async (category: string) => {
    reads += 1;
    const seen = published.filter((slug) => slug.startsWith(category));
    if (gate) await gate;
    return seen;
  };

  beforeEach(() => {
    cache.state.entries.clear();
    published = ["study-a"];
    reads = 0;
    gate = null;
  });

  it("serves a read from the cache until its tag is expired, then reads afresh", async () => {
    const routes = cachedRead(read, ["test:routes"], { tags: ["routes"] });
    expect(await routes("study")).toEqual(["study-a"]);
    expect(await routes("study")).toEqual(["study-a"]);
    expect(reads).toBe(1);
    published.push("study-b");
    await expireTags("routes");
    expect(await routes("study")).toEqual(["study-a", "study-b"]);
    expect(reads).toBe(2);
  });

  it("never serves a list read before a publish and stored after it", async () => {
    const routes = cachedRead(read, ["test:straddle"], { tags: ["routes"] });
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    // A render reads the list, the editor publishes and expires the tag, then the render stores what it read.
    const straddling = routes("study");
    await Promise.resolve();
    published.push("study-b");
    const expiring = expireTags("routes");
    gate = null;
    // Reads after the change see it at once, even before the tag has expired.
    expect(await routes("study")).toEqual(["study-a", "study-b"]);
    release();
    expect(await straddling).toEqual(["study-a"]);
    await expiring;
    expect(await routes("study")).toEqual(["study-a", "study-b"]);
  });

  it("expires the tag only after the reads that began before the change have ended, so their page is covered", async () => {
    const routes = cachedRead(read, ["test:settle"], { tags: ["routes"] });
    let release = () => {};
    gate = new Promise((resolve) => {
      release = resolve;
    });
    const straddling = routes("study");
    const expiredBefore = cache.state.expiredAt.get("routes");
    let expired = false;
    const expiring = expireTags("routes").then(() => {
      expired = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(expired).toBe(false);
    expect(cache.state.expiredAt.get("routes")).toBe(expiredBefore);
    const released = Date.now();
    release();
    await straddling;
    await expiring;
    expect(Date.now() - released).toBeGreaterThanOrEqual(SETTLE.afterReadsMs - 5);
    expect(cache.state.expiredAt.get("routes")).toBeGreaterThan(expiredBefore ?? -1);
  });

  it("waits for a read that never ends no longer than its bound, and not at all when nothing is read", async () => {
    const routes = cachedRead(read, ["test:stuck"], { tags: ["routes"] });
    gate = new Promise(() => {});
    void routes("study");
    let started = Date.now();
    await expireTags("routes");
    expect(Date.now() - started).toBeGreaterThanOrEqual(SETTLE.atMostMs - 5);
    expect(Date.now() - started).toBeLessThan(SETTLE.atMostMs + 200);
    started = Date.now();
    await expireTags("products");
    expect(Date.now() - started).toBeLessThan(20);
  });

  it("moves on, at once, only the generations of the tags it expires", () => {
    const before = { routes: generationOf(["routes"]), products: generationOf(["products"]) };
    void expireTags("routes");
    expect(generationOf(["routes"])).not.toBe(before.routes);
    expect(generationOf(["products"])).toBe(before.products);
    expect(generationOf(["routes", "products"])).toMatch(/^[0-9a-f]{8}:\d+\.\d+$/);
  });
});
