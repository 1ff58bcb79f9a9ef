"use client";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { keepPageForOffline } from "@/modules/offline/keep-page";
import type { CheckInResponseBody } from "../api";
import type { LocalDecision } from "../offline/decide";
import { deviceId, newScanId } from "../offline/store";
import { useOfflineGate } from "../offline/use-offline-gate";
import { GateAnswer, type ShownAnswer } from "./gate-answer";
import { GateStatus } from "./gate-status";

// The camera and its QR decoder load only when the organiser asks for them.
const CameraScanner = dynamic(() => import("./camera-scanner").then((m) => m.CameraScanner), { ssr: false });

const COUNTS_REFRESH_MS = 20_000;
/** One bar of signal: after this long without an answer the device decides the scan itself. */
const ONLINE_TIMEOUT_MS = 5000;

type Counts = { checkedIn: number; total: number };
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
 * from the day's manifest and queues the scan for the next sync.
 */
export function Gate({ festivalId, festivalSlug, date, sessionId, initialCounts }: Props) {
  const t = useTranslations("checkIn");
  const locale = useLocale();
  const offline = useOfflineGate({ festival: festivalSlug, date, sessionId, locale });
  const [code, setCode] = useState("");
  const [answer, setAnswer] = useState<ShownAnswer | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [counts, setCounts] = useState(initialCounts);
  const [camera, setCamera] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const busy = useRef(false);

  const refreshCounts = useCallback(async () => {
    const query = new URLSearchParams({ festivalId, lang: locale, ...(sessionId ? { sessionId } : {}) });
    try {
      const res = await fetch(`/api/check-in/stats?${query}`, { cache: "no-store" });
      if (res.ok) setCounts((await res.json()) as Counts);
    } catch {
      // Keep the last count; the next refresh tries again.
    }
  }, [festivalId, sessionId, locale]);

  useEffect(() => {
    const timer = setInterval(refreshCounts, COUNTS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshCounts]);

  // The service worker keeps this page, so the gate reloads without signal.
  useEffect(() => {
    void keepPageForOffline();
  }, []);

  const { decide, admittedOnline } = offline;
  const manifest = offline.manifest;
  /** The answer the device gives on its own, shown like the server's. */
  const shown = useCallback(
    (decision: LocalDecision): ShownAnswer => {
      const ticket = decision.ticket;
      const session = ticket ? manifest?.sessions.find((s) => s.id === ticket.sessionId) : undefined;
      const key = {
        ok: "ok",
        already_used: "alreadyUsed",
        wrong_session: "wrongSession",
        cancelled: "cancelled",
        unknown: "unknown",
        forged: "forged",
      } as const;
      return {
        result: decision.result,
        message: t(`result.${key[decision.result]}`),
        offline: true,
        ...(ticket && session && manifest
          ? {
              ticket: {
                code: ticket.code,
                ticketType: ticket.ticketType,
                festival: manifest.festival.name,
                otherFestival: false,
                session,
                name: "",
                orderCode: "",
                checkedInAt: decision.checkedInAt,
              },
            }
          : {}),
      };
    },
    [manifest, t],
  );

  const checkOnDevice = useCallback(
    async (scanned: string, scanId?: string) => {
      const decision = await decide(scanned, scanId);
      if (!decision) {
        setError(t("offline.noManifest"));
        return;
      }
      setCode("");
      setAnswer(shown(decision));
      if (decision.result === "ok") setCounts((c) => ({ ...c, checkedIn: c.checkedIn + 1 }));
    },
    [decide, shown, t],
  );

  const check = useCallback(
    async (scanned: string) => {
      if (busy.current || scanned.trim() === "") return;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        if (!navigator.onLine) return await checkOnDevice(scanned);
        // One id for the scan, online or not: if the answer is lost after the server admitted
        // the ticket, the queued copy syncs as the same scan, not as a second admission.
        const scanId = newScanId();
        let res: Response;
        try {
          res = await fetch(`/api/check-in?lang=${locale}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ code: scanned, festivalId, sessionId, deviceId: await deviceId(), scanId }),
            signal: AbortSignal.timeout(ONLINE_TIMEOUT_MS),
          });
        } catch {
          // No signal after all: the device decides, and the scan waits for the next sync.
          return await checkOnDevice(scanned, scanId);
        }
        const body = (await res.json()) as CheckInResponseBody & { message?: string };
        if (!res.ok) {
          setError(body.message ?? t("networkError"));
          return;
        }
        setCode("");
        setAnswer(body);
        if (body.result === "ok" && body.ticket?.checkedInAt) {
          void admittedOnline(body.ticket.code, body.ticket.checkedInAt);
        }
        void refreshCounts();
      } catch {
        setError(t("networkError"));
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [festivalId, sessionId, locale, refreshCounts, t, checkOnDevice, admittedOnline],
  );

  const dismiss = useCallback(() => {
    setAnswer(null);
    // On a phone with the camera open, a focused field would only pop up the keyboard.
    if (!camera) input.current?.focus();
  }, [camera]);

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
        tickets={manifest?.tickets.length ?? null}
        onSync={() => void offline.syncNow()}
      />
      <p
        className="rounded-xl bg-brand-50 p-3 text-center font-semibold text-2xl text-brand-900"
        data-testid="check-in-counter"
      >
        {t("counter", counts)}
      </p>
      <form onSubmit={submit} className="space-y-2">
        <label htmlFor="check-in-code" className="block font-medium text-sm text-stone-800">
          {t("code")}
        </label>
        <input
          ref={input}
          id="check-in-code"
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          // biome-ignore lint/a11y/noAutofocus: the gate's one field; scanners type into whatever has focus
          autoFocus
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          aria-describedby="check-in-code-hint"
          className="block w-full rounded-xl border-2 border-stone-300 bg-white px-4 py-4 font-mono text-2xl tracking-wider focus:border-brand-600 focus:outline-none"
        />
        <p id="check-in-code-hint" className="text-stone-500 text-xs">
          {t("codeHint")}
        </p>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-xl bg-brand-600 px-4 py-4 font-semibold text-white text-xl hover:bg-brand-700 disabled:opacity-60"
        >
          {pending ? t("checking") : t("submit")}
        </button>
        {error ? (
          <p role="alert" className="text-berry-600">
            {error}
          </p>
        ) : null}
      </form>
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
