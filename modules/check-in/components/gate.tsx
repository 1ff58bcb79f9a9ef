"use client";
import dynamic from "next/dynamic";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { CheckInResponseBody } from "../api";
import { GateAnswer } from "./gate-answer";

// The camera and its QR decoder load only when the organiser asks for them.
const CameraScanner = dynamic(() => import("./camera-scanner").then((m) => m.CameraScanner), { ssr: false });

const COUNTS_REFRESH_MS = 20_000;

type Counts = { checkedIn: number; total: number };
type Props = { festivalId: string; sessionId: string | null; initialCounts: Counts };

/**
 * The gate: a big code field (a USB or Bluetooth scanner types the QR's content and
 * Enter into it), an optional camera, the counter, and the full-screen answer.
 */
export function Gate({ festivalId, sessionId, initialCounts }: Props) {
  const t = useTranslations("checkIn");
  const locale = useLocale();
  const [code, setCode] = useState("");
  const [answer, setAnswer] = useState<CheckInResponseBody | null>(null);
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

  const check = useCallback(
    async (scanned: string) => {
      if (busy.current || scanned.trim() === "") return;
      busy.current = true;
      setPending(true);
      setError(null);
      try {
        const res = await fetch(`/api/check-in?lang=${locale}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ code: scanned, festivalId, sessionId }),
        });
        const body = (await res.json()) as CheckInResponseBody & { message?: string };
        if (!res.ok) {
          setError(body.message ?? t("networkError"));
          return;
        }
        setCode("");
        setAnswer(body);
        void refreshCounts();
      } catch {
        setError(t("networkError"));
      } finally {
        busy.current = false;
        setPending(false);
      }
    },
    [festivalId, sessionId, locale, refreshCounts, t],
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
