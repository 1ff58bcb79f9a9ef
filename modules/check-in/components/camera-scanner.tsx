"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { loadQrReader } from "./qr-decoder";

type Problem = "insecure" | "denied" | "notFound" | "unavailable";

const SCAN_EVERY_MS = 150;
// The same code held in view is read once; shown again after this pause, it is read again.
const SAME_CODE_PAUSE_MS = 4000;

function problemOf(error: unknown): Problem {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "notFound";
  return "unavailable";
}

/**
 * The phone's back camera, read for QR codes a few times a second. Needs HTTPS
 * (or localhost); without it, or without permission, it says so and the gate
 * falls back to typing.
 */
export function CameraScanner({ onScan, paused }: { onScan: (value: string) => void; paused: boolean }) {
  const t = useTranslations("checkIn.camera");
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [ready, setReady] = useState(false);
  const latest = useRef({ onScan, paused });
  useEffect(() => {
    latest.current = { onScan, paused };
  }, [onScan, paused]);

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const start = async () => {
      if (!window.isSecureContext) return setProblem("insecure");
      if (!navigator.mediaDevices?.getUserMedia) return setProblem("unavailable");
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: "environment" } },
          audio: false,
        });
      } catch (error) {
        return setProblem(problemOf(error));
      }
      const element = video.current;
      if (stopped || !element) return;
      element.srcObject = stream;
      try {
        await element.play();
      } catch {
        // Autoplay of a muted inline video is allowed; if it still fails, frames just never arrive.
      }
      const read = await loadQrReader();
      if (stopped) return;
      setReady(true);
      let sent = "";
      let sentSeen = 0;
      const tick = async () => {
        if (stopped) return;
        if (element.readyState >= element.HAVE_CURRENT_DATA) {
          const value = await read(element).catch(() => null);
          const now = Date.now();
          if (value && value === sent && now - sentSeen < SAME_CODE_PAUSE_MS) {
            sentSeen = now;
          } else if (value && !latest.current.paused) {
            sent = value;
            sentSeen = now;
            latest.current.onScan(value);
          }
        }
        timer = setTimeout(tick, SCAN_EVERY_MS);
      };
      void tick();
    };
    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  if (problem) {
    return (
      <p role="alert" className="rounded-xl bg-amber-50 p-4 text-amber-900" data-testid="camera-problem">
        {t(problem)}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div className="relative overflow-hidden rounded-xl bg-black">
        <video ref={video} muted playsInline className="aspect-square w-full object-cover" data-testid="camera-video" />
        <div
          aria-hidden="true"
          className="pointer-events-none absolute inset-[15%] rounded-lg border-4 border-white/80"
        />
      </div>
      <p className="text-center text-sm text-stone-600" role="status">
        {ready ? t("aim") : t("starting")}
      </p>
    </div>
  );
}
