"use client";
import { useTranslations } from "next-intl";
import { type Dispatch, type SetStateAction, useCallback, useRef, useState } from "react";
import type { CheckInResponseBody } from "../../api";
import type { Manifest } from "../../gate-sync";
import type { LocalDecision } from "../../offline/decide";
import { deviceId, newScanId } from "../../offline/store";
import type { ShownAnswer } from "../gate-answer";
import { localAnswer, RESULT_KEYS } from "./local-answer";
import type { Counts } from "./use-gate-counts";

/** One bar of signal: after this long without an answer the device decides the scan itself. */
const ONLINE_TIMEOUT_MS = 5000;

/**
 * Checking a scanned code: the code typed, the answer shown, whether a check is under way and
 * its error. With signal the server decides; without (or after a few seconds with no answer)
 * the device decides from the day's manifest and queues the scan for the next sync.
 */
export function useGateCheck({
  festivalId,
  sessionId,
  locale,
  offline: { decide, admittedOnline, manifest },
  refreshCounts,
  setCounts,
}: {
  festivalId: string;
  sessionId: string | null;
  locale: string;
  offline: {
    decide: (scanned: string, scanId?: string) => Promise<LocalDecision | null>;
    admittedOnline: (code: string, at: string) => Promise<void>;
    manifest: Manifest | null;
  };
  refreshCounts: () => Promise<unknown>;
  setCounts: Dispatch<SetStateAction<Counts>>;
}) {
  const t = useTranslations("checkIn");
  const [code, setCode] = useState("");
  const [answer, setAnswer] = useState<ShownAnswer | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);

  /** The answer the device gives on its own, shown like the server's. */
  const shown = useCallback(
    (decision: LocalDecision): ShownAnswer =>
      localAnswer(decision, manifest, t(`result.${RESULT_KEYS[decision.result]}`)),
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
    [decide, shown, t, setCounts],
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

  return { code, setCode, answer, setAnswer, pending, error, check };
}
