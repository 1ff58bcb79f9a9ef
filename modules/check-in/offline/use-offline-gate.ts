"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Manifest } from "../gate-sync";
import { decideLocally, type LocalDecision } from "./decide";
import { countsFromManifest } from "./local-counts";
import { enqueue, newScanId, queuedScans, rememberAdmitted, saveLastSync, saveManifest } from "./store";
import { fetchManifest, loadKept, sendQueue } from "./sync";
import { useSyncSchedule } from "./use-sync-schedule";

/** A gate that has not synced for this long warns its operator. */
export const STALE_SYNC_MS = 10 * 60_000;

/**
 * The gate's festival (by slug), its day, its session (null: any of the day's), and the operator's
 * language; `onSynced` is told after a sync that sent scans or brought the gate's count news.
 */
type GateScope = {
  festival: string;
  date: string;
  sessionId: string | null;
  locale: string;
  onSynced?: () => void | Promise<void>;
};

/** Whether the gate's counter as the manifest has it differs between two manifests. */
const countChanged = (before: Manifest | null, after: Manifest | null, sessionId: string | null) =>
  before === null ||
  after === null ||
  JSON.stringify(countsFromManifest(before, sessionId, {})) !==
    JSON.stringify(countsFromManifest(after, sessionId, {}));

/**
 * The offline side of a gate: keeps the day's manifest for its festival, decides scans on
 * the device when there is no signal, queues them in IndexedDB, and syncs (on the online
 * event, every 30 s, or when asked).
 */
export function useOfflineGate({ festival, date, sessionId, locale, onSynced }: GateScope) {
  const [manifest, setManifest] = useState<Manifest | null>(null);
  const [queued, setQueued] = useState(0);
  const [lastSync, setLastSync] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [conflicts, setConflicts] = useState(0);
  const manifestRef = useRef<Manifest | null>(null);
  const admitted = useRef<Record<string, string>>({});
  // The same, for the counter to render: the admissions the manifest learns only at the next sync.
  const [admittedHere, setAdmittedHere] = useState<Record<string, string>>({});
  const busy = useRef(false);
  const synced = useRef(onSynced);
  useEffect(() => {
    synced.current = onSynced;
  }, [onSynced]);

  const admit = useCallback((code: string, at: string) => {
    admitted.current = { ...admitted.current, [code]: at };
    setAdmittedHere(admitted.current);
  }, []);

  const countQueue = useCallback(async () => setQueued((await queuedScans()).length), []);

  const pullManifest = useCallback(async () => {
    const merged = await fetchManifest(manifestRef.current, { festival, date, locale });
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
      const sent = (await queuedScans()).length;
      const conflicted = await sendQueue(locale);
      if (conflicted > 0) setConflicts((n) => n + conflicted);
      const before = manifestRef.current;
      await pullManifest();
      const at = new Date().toISOString();
      await saveLastSync(festival, at);
      setLastSync(at);
      if (sent > 0 || countChanged(before, manifestRef.current, sessionId)) void synced.current?.();
    } catch {
      // No signal after all, or the server is away: the queue stays for the next try.
    } finally {
      busy.current = false;
      setSyncing(false);
      await countQueue();
    }
  }, [festival, sessionId, locale, pullManifest, countQueue]);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const [kept, here, last] = await loadKept(festival, date);
      if (cancelled) return;
      manifestRef.current = kept ?? null;
      admitted.current = here;
      setAdmittedHere(here);
      setManifest(kept ?? null);
      setLastSync(last);
      await countQueue();
      await syncNow();
    })();
    return () => {
      cancelled = true;
    };
  }, [festival, date, countQueue, syncNow]);

  const { online, now } = useSyncSchedule(syncNow);

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
        admit(decision.ticket.code, at.toISOString());
        await rememberAdmitted(festival, date, decision.ticket.code, at.toISOString());
      }
      await countQueue();
      return decision;
    },
    [festival, date, sessionId, countQueue, admit],
  );

  /** An admission the server answered online: remembered, so the device knows it if the signal goes. */
  const admittedOnline = useCallback(
    async (code: string, at: string) => {
      admit(code, at);
      await rememberAdmitted(festival, date, code, at);
    },
    [festival, date, admit],
  );

  const stale = lastSync === null ? false : now - Date.parse(lastSync) > STALE_SYNC_MS;
  return {
    online,
    manifest,
    admittedHere,
    queued,
    lastSync,
    syncing,
    conflicts,
    stale,
    decide,
    syncNow,
    admittedOnline,
  };
}
