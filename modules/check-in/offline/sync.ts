import type { Manifest } from "../gate-sync";
import { mergeManifest } from "./decide";
import { dequeue, deviceId, loadAdmitted, loadLastSync, loadManifest, queuedScans } from "./store";

// The steps of a gate's sync (send the queue, then pull the manifest) and what it finds on a restart.

const BATCH = 500;

type SyncAnswer = { results: { id: string; result: string }[] };

/**
 * Sends the device's queue (every festival's, a batch at a time) and drops what the server took
 * or will never take; answers how many scans conflicted. Throws when the server is away: what is
 * left of the queue stays for the next try.
 */
export async function sendQueue(locale: string): Promise<number> {
  const id = await deviceId();
  const queue = await queuedScans();
  const festivals = [...new Set(queue.map((s) => s.festival))];
  let conflicted = 0;
  for (const slug of festivals) {
    const mine = queue.filter((s) => s.festival === slug);
    for (let i = 0; i < mine.length; i += BATCH) {
      const scans = mine.slice(i, i + BATCH).map(({ id: scanId, code, scannedAt, sessionId: s, local }) => ({
        id: scanId,
        code,
        scannedAt,
        sessionId: s,
        local,
      }));
      const res = await fetch(`/api/check-in/sync?lang=${locale}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ deviceId: id, festival: slug, scans }),
      });
      if (res.status === 400) {
        // Scans the server will never take (a session since deleted): drop those, keep the rest for the next try.
        const fields = ((await res.json().catch(() => ({}))) as { fields?: Record<string, string> }).fields ?? {};
        const bad = Object.keys(fields).flatMap((f) => {
          const index = /^scans\.(\d+)\./.exec(f)?.[1];
          return index === undefined ? [] : [scans[Number(index)]?.id ?? ""];
        });
        await dequeue(bad.length > 0 ? bad : scans.map((s) => s.id));
        continue;
      }
      if (res.status === 403 || res.status === 404) {
        // No longer an organiser of it, or the festival is gone: the server will never take these.
        await dequeue(scans.map((s) => s.id));
        continue;
      }
      if (!res.ok) throw new Error(`sync ${res.status}`);
      const answer = (await res.json()) as SyncAnswer;
      conflicted += answer.results.filter((r) => r.result === "conflict").length;
      await dequeue(answer.results.map((r) => r.id));
    }
  }
  return conflicted;
}

/** The day's manifest from the server: in full, or (given the one kept) what changed since, merged into it. */
export async function fetchManifest(
  base: Manifest | null,
  { festival, date, locale }: { festival: string; date: string; locale: string },
): Promise<Manifest> {
  const query = new URLSearchParams({ festival, date, lang: locale, ...(base ? { since: base.cursor } : {}) });
  const res = await fetch(`/api/check-in/manifest?${query}`, { cache: "no-store" });
  if (!res.ok) throw new Error(`manifest ${res.status}`);
  const fresh = (await res.json()) as Manifest;
  return base ? mergeManifest(base, fresh) : fresh;
}

/** What the device kept of the day: the manifest, its own admissions, and when it last synced. */
export function loadKept(festival: string, date: string) {
  return Promise.all([loadManifest(festival, date), loadAdmitted(festival, date), loadLastSync(festival)]);
}
