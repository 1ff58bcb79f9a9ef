import "server-only";
import { cachedRead } from "@/lib/cache/tagged-read";
import { findPublishedFestivals } from "./festival-queries";

/** Tag on cached festival reads; the festival editor expires it. */
export const FESTIVALS_TAG = "festivals";

export const getPublishedFestivals = cachedRead(findPublishedFestivals, ["festivals:published"], {
  tags: [FESTIVALS_TAG],
  revalidate: 3600,
});
