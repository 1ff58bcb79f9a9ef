"use client";
import { useCallback, useSyncExternalStore } from "react";

/**
 * One live figure (seats, stock) per `load` and key, shared by every component that shows
 * it: asked once when the first one mounts, again every `everyMs` while any is mounted,
 * and forgotten when the last one goes. A failed ask keeps the last answer.
 */
export type RefreshedStore<T> = {
  get: () => T | null;
  subscribe: (listener: () => void) => () => void;
};

const stores = new WeakMap<(key: string) => Promise<unknown>, Map<string, RefreshedStore<unknown>>>();

export function refreshedStore<T>(key: string, load: (key: string) => Promise<T>, everyMs: number): RefreshedStore<T> {
  let byKey = stores.get(load);
  if (!byKey) {
    byKey = new Map();
    stores.set(load, byKey);
  }
  const existing = byKey.get(key);
  if (existing) return existing as RefreshedStore<T>;

  let value: T | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  const listeners = new Set<() => void>();
  const ask = async () => {
    try {
      const answer = await load(key);
      if (listeners.size === 0) return;
      value = answer;
      for (const listener of listeners) listener();
    } catch {
      // Keep what we showed; the next refresh tries again.
    }
  };
  const store: RefreshedStore<T> = {
    get: () => value,
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        // Shared again (after the last one went, as React's strict mode does on mount).
        byKey?.set(key, store as RefreshedStore<unknown>);
        void ask();
        timer = setInterval(ask, everyMs);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        if (timer) clearInterval(timer);
        timer = null;
        byKey?.delete(key);
      };
    },
  };
  byKey.set(key, store as RefreshedStore<unknown>);
  return store;
}

const none = () => () => {};
const nothing = () => null;

/**
 * What `load(key)` answers (pages are served from cache; live figures come this way): null
 * until the first answer, and on the server. An empty key asks nothing. `load` must be a
 * module-level function: it names the figure that components share.
 */
export function useRefreshed<T>(key: string, load: (key: string) => Promise<T>, everyMs: number): T | null {
  const store = key ? refreshedStore(key, load, everyMs) : null;
  const subscribe = useCallback((listener: () => void) => (store ? store.subscribe(listener) : none()), [store]);
  return useSyncExternalStore(subscribe, store ? store.get : nothing, nothing);
}
