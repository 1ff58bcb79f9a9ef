"use client";
import { useEffect, useState } from "react";
import type { LngLat } from "@/lib/geo";
import type { Bilingual } from "@/lib/localized";
import { rememberedOrders } from "@/modules/basket/remembered-orders";
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

/** The most orders a preview carries (as many as the browser remembers; the API refuses more). */
const MAX_ORDERS = 20;

/** The orders this browser remembers, as the API accepts them: a stray malformed entry must not cost the whole preview. */
function ordersToSend() {
  return rememberedOrders()
    .filter((o) => o.id.length > 0 && o.id.length <= 64 && o.token.length > 0 && o.token.length <= 128)
    .slice(0, MAX_ORDERS);
}

/**
 * The server's view of the plan (timeline, warnings, suggestions), refreshed as it changes.
 * The orders this browser placed as a guest go with it (in the body, never the address), so
 * the sessions they hold tickets for are held in the plan as they are for an account.
 */
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
          body: JSON.stringify({ ...(JSON.parse(body) as TripInput), orders: ordersToSend() }),
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
