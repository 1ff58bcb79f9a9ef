import "server-only";
import { db } from "@/lib/db";
import { distanceMeters, type LngLat } from "@/lib/geo";
import type { Bilingual } from "./types";

/** How far from any stop something counts as "on the way". */
export const NEARBY_METERS = 3000;

export type NearbyDto = {
  festivals: { slug: string; name: Bilingual; startsOn: string; endsOn: string }[];
  products: {
    slug: string;
    name: Bilingual;
    priceCents: number;
    currency: string;
    unit: "JIN" | "BOX" | "PORTION";
    workshop: Bilingual;
  }[];
};

const near = (stops: LngLat[], lat: number, lng: number) =>
  stops.some((s) => distanceMeters(s, [lng, lat]) <= NEARBY_METERS);

/** Festivals that have not ended, and workshop products, within reach of a route's stops. */
export async function findNearby(stops: LngLat[], now = new Date()): Promise<NearbyDto> {
  const [festivals, workshops] = await Promise.all([
    db.festival.findMany({
      where: { status: "PUBLISHED", endsOn: { gte: now }, place: { isNot: null } },
      orderBy: { startsOn: "asc" },
      select: {
        slug: true,
        nameZh: true,
        nameEn: true,
        startsOn: true,
        endsOn: true,
        place: { select: { lat: true, lng: true } },
      },
    }),
    db.workshop.findMany({
      where: { place: { isNot: null } },
      select: {
        nameZh: true,
        nameEn: true,
        place: { select: { lat: true, lng: true } },
        products: {
          where: { status: "PUBLISHED" },
          orderBy: { createdAt: "asc" },
          take: 3,
          select: { slug: true, nameZh: true, nameEn: true, priceCents: true, currency: true, unit: true },
        },
      },
    }),
  ]);
  return {
    festivals: festivals
      .filter((f) => f.place && near(stops, f.place.lat, f.place.lng))
      .map((f) => ({
        slug: f.slug,
        name: { zh: f.nameZh, en: f.nameEn },
        startsOn: f.startsOn.toISOString(),
        endsOn: f.endsOn.toISOString(),
      })),
    products: workshops
      .filter((w) => w.place && near(stops, w.place.lat, w.place.lng))
      .flatMap((w) =>
        w.products.map((p) => ({
          slug: p.slug,
          name: { zh: p.nameZh, en: p.nameEn },
          priceCents: p.priceCents,
          currency: p.currency,
          unit: p.unit,
          workshop: { zh: w.nameZh, en: w.nameEn },
        })),
      )
      .slice(0, 6),
  };
}
