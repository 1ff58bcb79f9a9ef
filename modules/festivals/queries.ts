import "server-only";
import { unstable_cache } from "next/cache";
import { findPublishedFestivals } from "./festival-queries";

/** Tag on cached festival reads; the festival editor expires it. */
export const FESTIVALS_TAG = "festivals";

export const getPublishedFestivals = unstable_cache(findPublishedFestivals, ["festivals:published"], {
  tags: [FESTIVALS_TAG],
  revalidate: 3600,
});
