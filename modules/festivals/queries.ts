import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "@/lib/db";
import { findPublishedFestivals } from "./find-festivals";

export function listFestivalsOrganisedBy(userId: string) {
  return db.festival.findMany({
    where: { organisers: { some: { userId } } },
    orderBy: { startsOn: "asc" },
    select: { id: true, slug: true, nameZh: true, nameEn: true, startsOn: true, endsOn: true },
  });
}

/** Tag on cached festival reads; the festival editor expires it. */
export const FESTIVALS_TAG = "festivals";

export const getPublishedFestivals = unstable_cache(findPublishedFestivals, ["festivals:published"], {
  tags: [FESTIVALS_TAG],
  revalidate: 3600,
});
