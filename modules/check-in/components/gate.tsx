"use client";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { keepPageForOffline } from "@/modules/offline/keep-page";
import { countsFromManifest, freshestCounts } from "../offline/local-counts";
import { useOfflineGate } from "../offline/use-offline-gate";
import { GateCodeForm } from "./gate/code-form";
import { useGateCheck } from "./gate/use-gate-check";
import { type Counts, useGateCounts } from "./gate/use-gate-counts";
import { GateAnswer } from "./gate-answer";
import { GateStatus } from "./gate-status";

// The camera and its QR decoder load only when the organiser asks for them.
const CameraScanner = dynamic(() => import("./camera-scanner").then((m) => m.CameraScanner), { ssr: false });

type Props = {
  festivalId: string;
  festivalSlug: string;
  /** The gate's day, "YYYY-MM-DD": the day of its session, or today. */
  date: string;
  sessionId: string | null;
  initialCounts: Counts;
};

/**
 * The gate: a big code field (a USB or Bluetooth scanner types the QR's content and
 * Enter into it), an optional camera, the counter, and the full-screen answer. With signal
 * the server decides; without (or after a few seconds with no answer) the device decides
 * from the day's manifest and queues the scan for the next sync. The counter is the server's,
 * unless the device knows more admissions (its own, not yet synced, or a kept copy of this page
 * older than its manifest); after a sync that changed the count the page is kept again, so a
 * reload without signal shows it.
 */
export function Gate({ festivalId, festivalSlug, date, sessionId, initialCounts }: Props) {
  const t = useTranslations("checkIn");
  const locale = useLocale();
  const { counts, setCounts, refreshCounts } = useGateCounts({ festivalId, sessionId, locale, initialCounts });
  // The counts the copy of this page kept for offline shows: this render's, until it is kept again.
  const keptWith = useRef(initialCounts);
  const onSynced = useCallback(async () => {
    const fresh = await refreshCounts();
    if (!fresh || (fresh.checkedIn === keptWith.current.checkedIn && fresh.total === keptWith.current.total)) return;
    keptWith.current = fresh;
    await keepPageForOffline();
  }, [refreshCounts]);
  const offline = useOfflineGate({ festival: festivalSlug, date, sessionId, locale, onSynced });
  const local = useMemo(
    () => (offline.manifest ? countsFromManifest(offline.manifest, sessionId, offline.admittedHere) : null),
    [offline.manifest, sessionId, offline.admittedHere],
  );
  const shownCounts = freshestCounts(counts, local);
  const { code, setCode, answer, setAnswer, pending, error, check } = useGateCheck({
    festivalId,
    sessionId,
    locale,
    offline,
    refreshCounts,
    setCounts,
  });
  const [camera, setCamera] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // The service worker keeps this page, so the gate reloads without signal.
  useEffect(() => {
    void keepPageForOffline();
  }, []);

  const dismiss = useCallback(() => {
    setAnswer(null);
    // On a phone with the camera open, a focused field would only pop up the keyboard.
    if (!camera) input.current?.focus();
  }, [camera, setAnswer]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void check(code);
  };

  return (
    <div className="space-y-4">
      <GateStatus
        online={offline.online}
        queued={offline.queued}
        lastSync={offline.lastSync}
        syncing={offline.syncing}
        stale={offline.stale}
        conflicts={offline.conflicts}
        tickets={offline.manifest?.tickets.length ?? null}
        onSync={() => void offline.syncNow()}
      />
      <p
        className="rounded-xl bg-brand-50 p-3 text-center font-semibold text-2xl text-brand-900"
        data-testid="check-in-counter"
      >
        {t("counter", shownCounts)}
      </p>
      <GateCodeForm code={code} onCode={setCode} pending={pending} error={error} onSubmit={submit} inputRef={input} />
      <button
        type="button"
        onClick={() => setCamera((open) => !open)}
        aria-expanded={camera}
        className="w-full rounded-xl border-2 border-brand-600 px-4 py-3 font-semibold text-brand-700 text-lg"
      >
        {camera ? t("closeCamera") : t("openCamera")}
      </button>
      {camera ? <CameraScanner paused={answer !== null || pending} onScan={check} /> : null}
      {answer ? <GateAnswer answer={answer} onDismiss={dismiss} /> : null}
    </div>
  );
}
