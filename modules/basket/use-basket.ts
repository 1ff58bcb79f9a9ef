"use client";
import { useCallback, useSyncExternalStore } from "react";
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

/** The basket (null until the browser's copy has been read) and a way to change it. */
export function useBasket(): [Basket | null, (change: (basket: Basket) => Basket) => void] {
  const basket = useSyncExternalStore(subscribe, read, () => null);
  const update = useCallback((change: (basket: Basket) => Basket) => write(change(read())), []);
  return [basket, update];
}
