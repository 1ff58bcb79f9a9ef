"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Manifest } from "../offline";
import { decideLocally, type LocalDecision, mergeManifest } from "./decide";
import {
  dequeue,
  deviceId,
  enqueue,
  loadAdmitted,
  loadLastSync,
  loadManifest,
  newScanId,
  queuedScans,
  rememberAdmitted,
  saveLastSync,
  saveManifest,
} from "./store";

/** How often a gate with signal sends its queue and pulls the other gates' admissions. */
export const SYNC_EVERY_MS = 30_000;
/** A gate that has not synced for this long warns its operator. */
export const STALE_SYNC_MS = 10 * 60_000;
const BATCH = 500;

type SyncAnswer = { results: { id: string; result: string }[] };

/**
 * The offline side of a gate: keeps the day's manifest for its festival, decides scans on
 * the device when there is no signal, queues them in IndexedDB, and syncs (on the online
 * event, every 30 s, or when asked).
 */
export function useOfflineGate({
  festival,
  date,
  sessionId,
  locale,
}: {
  festival: string;
  date: string;
  sessionId: string | null;
  locale: string;
}) {
  const [online, setOnline] = useState(true);
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [queued, setQueued] = useState(0);
  const [lastSync, setLastSync] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [conflicts, setConflicts] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const manifestRef = useRef<Manifest | null>(null);
  const admitted = useRef<Record<string, string>>({});
  const busy = useRef(false);

  const countQueue = useCallback(async () => setQueued((await queuedScans()).length), []);

  const pullManifest = useCallback(async () => {
    const base = manifestRef.current;
    const query = new URLSearchParams({ festival, date, lang: locale, ...(base ? { since: base.cursor } : {}) });
    const res = await fetch(`/api/check-in/manifest?${query}`, { cache: "no-store" });
    if (!res.ok) throw new Error(`manifest ${res.status}`);
    const fresh = (await res.json()) as Manifest;
    const merged = base ? mergeManifest(base, fresh) : fresh;
    manifestRef.current = merged;
    setManifest(merged);
    await saveManifest(merged);
  }, [festival, date, locale]);

  /** Sends the queue (every festival's, a batch at a time), then pulls what changed. */
  const syncNow = useCallback(async () => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSyncing(true);
    try {
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
      if (conflicted > 0) setConflicts((n) => n + conflicted);
      await pullManifest();
      const at = new Date().toISOString();
      await saveLastSync(festival, at);
      setLastSync(at);
    } catch {
      // No signal after all, or the server is away: the queue stays for the next try.
    } finally {
      busy.current = false;
      setSyncing(false);
      await countQueue();
    }
  }, [festival, locale, pullManifest, countQueue]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [kept, here, last] = await Promise.all([
        loadManifest(festival, date),
        loadAdmitted(festival, date),
        loadLastSync(festival),
      ]);
      if (cancelled) return;
      manifestRef.current = kept ?? null;
      admitted.current = here;
      setManifest(kept ?? null);
      setLastSync(last);
      await countQueue();
      await syncNow();
    })();
    return () => {
      cancelled = true;
    };
  }, [festival, date, countQueue, syncNow]);

  useEffect(() => {
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) void syncNow();
    };
    setOnline(navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    const timer = setInterval(() => {
      setNow(Date.now());
      void syncNow();
    }, SYNC_EVERY_MS);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
      clearInterval(timer);
    };
  }, [syncNow]);

  /** Decides a scan on the device and queues it; null when no manifest was ever downloaded. */
  const decide = useCallback(
    async (scanned: string, scanId: string = newScanId()): Promise<LocalDecision | null> => {
      const kept = manifestRef.current;
      if (!kept) return null;
      const at = new Date();
      const decision = decideLocally({ scanned, manifest: kept, sessionId, admittedHere: admitted.current, now: at });
      await enqueue({
        id: scanId,
        festival,
        code: scanned.trim().slice(0, 500),
        scannedAt: at.toISOString(),
        sessionId,
        local: decision.result,
      });
      if (decision.result === "ok" && decision.ticket) {
        admitted.current = { ...admitted.current, [decision.ticket.code]: at.toISOString() };
        await rememberAdmitted(festival, date, decision.ticket.code, at.toISOString());
      }
      await countQueue();
      return decision;
    },
    [festival, date, sessionId, countQueue],
  );

  /** An admission the server answered online: remembered, so the device knows it if the signal goes. */
  const admittedOnline = useCallback(
    async (code: string, at: string) => {
      admitted.current = { ...admitted.current, [code]: at };
      await rememberAdmitted(festival, date, code, at);
    },
    [festival, date],
  );

  const stale = lastSync === null ? false : now - Date.parse(lastSync) > STALE_SYNC_MS;
  return { online, manifest, queued, lastSync, syncing, conflicts, stale, decide, syncNow, admittedOnline };
}
