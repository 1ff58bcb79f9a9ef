"use client";
import { useLocale } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

// Asking for an SMS code from the browser: the proof of work (ALTCHA) is solved as soon
// as the visitor starts typing their number, so the tap on "get code" answers at once;
// then a countdown until another code may be asked for.

type Proof = { challenge: unknown; solution: unknown };
type Prepared = { at: number; proof: Promise<Proof | null> };

/** A solved challenge is good for 10 minutes on the server; use one for at most 8. */
const PROOF_FRESH_MS = 8 * 60_000;

async function solveProof(): Promise<Proof | null> {
  const res = await fetch("/api/phone-codes/challenge", { cache: "no-store" });
  if (!res.ok) return null;
  const challenge = await res.json();
  // Fetched when someone asks for a code, not with every page.
  const [{ solveChallenge }, { deriveKey }] = await Promise.all([
    import("altcha-lib"),
    import("altcha-lib/algorithms/web/pbkdf2"),
  ]);
  const solution = await solveChallenge({ challenge, deriveKey });
  return solution ? { challenge, solution } : null;
}

export const apiLang = (locale: string) => (locale === "en" ? "en" : "zh");

export type PhoneCodeState =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "sent"; masked: string }
  | { status: "error"; message: string };

export function usePhoneCode() {
  const locale = useLocale();
  const prepared = useRef<Prepared | null>(null);
  const [state, setState] = useState<PhoneCodeState>({ status: "idle" });
  const [resendAt, setResendAt] = useState(0);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (resendAt <= now) return;
    const timer = setTimeout(() => setNow(Date.now()), 1000);
    return () => clearTimeout(timer);
  }, [resendAt, now]);

  /** Starts solving a challenge in the background (on focus of the number). */
  const prepare = useCallback(() => {
    const current = prepared.current;
    if (current && Date.now() - current.at < PROOF_FRESH_MS) return;
    prepared.current = { at: Date.now(), proof: solveProof().catch(() => null) };
  }, []);

  const send = useCallback(
    async (phone: string): Promise<boolean> => {
      setState({ status: "sending" });
      prepare();
      const proof = await prepared.current?.proof;
      // One solution sends one code: the next starts at once.
      prepared.current = null;
      const res = await fetch(`/api/phone-codes?lang=${apiLang(locale)}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ phone, ...(proof ? { proof } : {}) }),
      }).catch(() => null);
      const body = (await res?.json().catch(() => null)) as {
        phone?: string;
        resendIn?: number;
        retryAfter?: number;
        message?: string;
      } | null;
      if (res?.ok && body) {
        setState({ status: "sent", masked: body.phone ?? "" });
        setResendAt(Date.now() + (body.resendIn ?? 60) * 1000);
        setNow(Date.now());
        return true;
      }
      if (body?.retryAfter) {
        setResendAt(Date.now() + body.retryAfter * 1000);
        setNow(Date.now());
      }
      setState({ status: "error", message: body?.message ?? "" });
      return false;
    },
    [locale, prepare],
  );

  const waitSeconds = Math.max(0, Math.ceil((resendAt - now) / 1000));
  return { state, waitSeconds, prepare, send };
}

export type VerifyOutcome = { ok: true } | { ok: false; message: string };

/** Proves the number in this browser with its code (`POST /api/phone-codes/verify`). */
export async function verifyPhoneCode(phone: string, code: string, locale: string): Promise<VerifyOutcome> {
  const res = await fetch(`/api/phone-codes/verify?lang=${apiLang(locale)}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ phone, code }),
  }).catch(() => null);
  if (res?.ok) return { ok: true };
  const body = (await res?.json().catch(() => null)) as { message?: string; fields?: Record<string, string> } | null;
  return { ok: false, message: body?.fields?.code ?? body?.fields?.phone ?? body?.message ?? "" };
}
