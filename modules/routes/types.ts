import type { LngLat } from "@/lib/geo";
// Plain, JSON-safe shapes (they pass through Next's data cache and into client components).
import type { Bilingual } from "@/lib/localized";
import type { CategorySlug } from "./categories";

export type { Bilingual };

export type RouteStopDto = {
  position: number;
  suggestedMinutes: number;
  note: Bilingual | null;
  place: {
    slug: string;
    name: Bilingual;
    description: Bilingual;
    lat: number;
    lng: number;
    openingHours: Bilingual | null;
    photoUrl: string | null;
  };
};

export type RouteDto = {
  slug: string;
  category: CategorySlug;
  title: Bilingual;
  summary: Bilingual;
  description: Bilingual;
  gettingThere: Bilingual;
  difficulty: "easy" | "moderate" | "hard";
  distanceMeters: number;
  durationMinutes: number;
  months: number[];
  coverImageUrl: string | null;
  path: LngLat[];
  stops: RouteStopDto[];
  updatedAt: string;
};
