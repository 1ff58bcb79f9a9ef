"use client";
import { useEffect, useState } from "react";
import type { LngLat } from "@/lib/geo";
import type { Bilingual } from "@/lib/localized";
import type { Point, TripInput, TripItemInput, TripSuggestion, TripWarning } from "./types";

export type PreviewItem = TripItemInput & {
  title: Bilingual | null;
  subtitle?: Bilingual | null;
  href?: string;
  start?: string;
  end?: string;
  travelMinutes?: number | null;
  held?: boolean;
  from?: Point | null;
  to?: Point | null;
  path?: LngLat[];
};

export type TripPreview = {
  items: PreviewItem[];
  warnings: TripWarning[];
  suggestions: Record<string, TripSuggestion[]>;
};

const DELAY_MS = 250;

/** The server's view of the plan (timeline, warnings, suggestions), refreshed as it changes. */
export function useTripPreview(plan: TripInput | null): { preview: TripPreview | null; failed: boolean } {
  const [preview, setPreview] = useState<TripPreview | null>(null);
  const [failed, setFailed] = useState(false);
  const body = plan ? JSON.stringify(plan) : null;
  useEffect(() => {
    if (!body) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch("/api/trips/preview", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
          signal: controller.signal,
        });
        if (!res.ok) throw new Error(String(res.status));
        setPreview((await res.json()) as TripPreview);
        setFailed(false);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setFailed(true);
      }
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [body]);
  return { preview, failed };
}
