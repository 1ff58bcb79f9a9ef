import { afterEach, describe, expect, it, vi } from "vitest";
import { refreshedStore } from "./use-refreshed";

describe("refreshedStore", () => {
  afterEach(() => vi.useRealTimers());

  it("asks once for all who show the same figure, and again on the interval while any is shown", async () => {
    vi.useFakeTimers();
    const load = vi.fn(async (key: string) => `${key}:${load.mock.calls.length}`);
    const a = refreshedStore("bayberry", load, 15_000);
    const b = refreshedStore("bayberry", load, 15_000);
    expect(b).toBe(a);
    const seen: string[] = [];
    const stopA = a.subscribe(() => seen.push(`a ${a.get()}`));
    const stopB = b.subscribe(() => seen.push(`b ${b.get()}`));
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(["a bayberry:1", "b bayberry:1"]);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(load).toHaveBeenCalledTimes(2);
    stopA();
    stopB();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(2);
    // Forgotten once nobody shows it: the next one asks afresh.
    expect(refreshedStore("bayberry", load, 15_000)).not.toBe(a);
  });

  it("keeps the last answer when an ask fails", async () => {
    vi.useFakeTimers();
    let fail = false;
    const load = vi.fn(async () => {
      if (fail) throw new Error("offline");
      return 7;
    });
    const store = refreshedStore("k", load, 1_000);
    const stop = store.subscribe(() => {});
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(load).toHaveBeenCalledTimes(2);
    expect(store.get()).toBe(7);
    stop();
  });
});
