import { createStore, get, set, update } from "idb-keyval";
import type { Manifest } from "../gate-sync";
import type { LocalResultName } from "./decide";

// What a gate device keeps in the browser (IndexedDB): its id, the day's manifest per
// festival, the scans waiting to sync, the codes it admitted itself, and when it last synced.
// Kept across reloads and sign-outs: a queued scan is never thrown away unsynced.

export type QueuedScan = {
  id: string;
  festival: string;
  code: string;
  scannedAt: string;
  sessionId: string | null;
  local: LocalResultName;
};

let store: ReturnType<typeof createStore> | null = null;
const kv = () => {
  store ??= createStore("suoqian-gate", "kv");
  return store;
};

function randomId(bytes: number): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(raw, (b) => b.toString(16).padStart(2, "0")).join("");
}

export const newScanId = () => randomId(12);

/** This browser's gate device id, made once at random. */
export async function deviceId(): Promise<string> {
  let id: string | undefined;
  await update<string>(
    "deviceId",
    (current) => {
      id = current ?? `gate-${randomId(10)}`;
      return id;
    },
    kv(),
  );
  return id ?? "";
}

const manifestKey = (festival: string, date: string) => `manifest:${festival}:${date}`;
const admittedKey = (festival: string, date: string) => `admitted:${festival}:${date}`;

export const loadManifest = (festival: string, date: string) => get<Manifest>(manifestKey(festival, date), kv());
export const saveManifest = (manifest: Manifest) =>
  set(manifestKey(manifest.festival.slug, manifest.date), manifest, kv());

export async function loadAdmitted(festival: string, date: string): Promise<Record<string, string>> {
  return (await get<Record<string, string>>(admittedKey(festival, date), kv())) ?? {};
}

export async function rememberAdmitted(festival: string, date: string, code: string, at: string) {
  await update<Record<string, string>>(admittedKey(festival, date), (all) => ({ ...all, [code]: at }), kv());
}

export async function queuedScans(): Promise<QueuedScan[]> {
  return (await get<QueuedScan[]>("queue", kv())) ?? [];
}

export async function enqueue(scan: QueuedScan): Promise<void> {
  await update<QueuedScan[]>("queue", (queue) => [...(queue ?? []), scan], kv());
}

/** Drops the scans the server has answered. */
export async function dequeue(ids: readonly string[]): Promise<void> {
  const done = new Set(ids);
  await update<QueuedScan[]>("queue", (queue) => (queue ?? []).filter((s) => !done.has(s.id)), kv());
}

export const loadLastSync = async (festival: string) => (await get<string>(`lastSync:${festival}`, kv())) ?? null;
export const saveLastSync = (festival: string, at: string) => set(`lastSync:${festival}`, at, kv());
