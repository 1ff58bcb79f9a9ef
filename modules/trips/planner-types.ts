import type { Bilingual } from "@/lib/localized";
import type { FulfilmentOptions } from "@/modules/shop/fulfilment";

/** What the planner page can add to a plan (JSON from the server, for the browser). */
export type PlannerCatalogue = {
  routes: { slug: string; title: Bilingual; category: string; durationMinutes: number; months: number[] }[];
  festivals: {
    slug: string;
    name: Bilingual;
    maxTicketsPerOrder: number;
    ticketType: {
      id: string;
      name: Bilingual;
      priceCents: number;
      currency: string;
      admissions: number;
      maxPerOrder: number;
    } | null;
    sessions: { id: string; startsAt: string; endsAt: string; label: Bilingual | null }[];
  }[];
  products: {
    id: string;
    slug: string;
    name: Bilingual;
    unit: "JIN" | "BOX" | "PORTION";
    priceCents: number;
    currency: string;
    farmerId: string;
    availableFrom: string | null;
    availableUntil: string | null;
    fulfilment: FulfilmentOptions;
    workshop: { slug: string; name: Bilingual; openingHours: Bilingual };
  }[];
};
