"use client";
import { useSyncExternalStore } from "react";
import { type Basket, parseBasket } from "./basket";

// The basket lives in localStorage, shared by every tab: a change in one tab
// shows in the others (the "storage" event), and in this tab through listeners.
// Where storage is blocked (some private modes) it lasts as long as the page.

const KEY = "suoqian.basket";
const listeners = new Set<() => void>();
let memory: string | null = null;
let storageBroken = false;
let cached: { raw: string | null; basket: Basket } | null = null;

function readRaw(): string | null {
  if (storageBroken) return memory;
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    storageBroken = true;
    return memory;
  }
}

function read(): Basket {
  const raw = readRaw();
  if (cached?.raw !== raw) cached = { raw, basket: parseBasket(raw) };
  return cached.basket;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function write(basket: Basket) {
  const raw = basket.lines.length === 0 ? null : JSON.stringify(basket);
  memory = raw;
  if (!storageBroken) {
    try {
      if (raw === null) window.localStorage.removeItem(KEY);
      else window.localStorage.setItem(KEY, raw);
    } catch {
      storageBroken = true;
    }
  }
  for (const listener of listeners) listener();
}

/**
 * Changes the basket. Components that only add to it call this rather than useBasket:
 * reading the basket re-renders a component at once (synchronously) when the browser's
 * copy replaces the server's empty one after hydration, which on the festival page was
 * the whole session list, a long task on a phone.
 */
export function updateBasket(change: (basket: Basket) => Basket): void {
  write(change(read()));
}

/** The basket (null until the browser's copy has been read) and a way to change it. */
export function useBasket(): [Basket | null, typeof updateBasket] {
  return [useSyncExternalStore(subscribe, read, () => null), updateBasket];
}
