// What is in season comes first in the shop: a visitor on a June weekend wants the
// bayberries picked this morning, then what they can pre-order, and only then what
// is over for the year. Pure, so the API, the pages and the browser order alike.

export type Season = "in_season" | "preorder" | "over";

/** The harvest window as the read models carry it (ISO strings or null). */
export type HarvestWindow = { availableFrom: string | null; availableUntil: string | null };

/** In season: no window, or availableFrom ≤ now ≤ availableUntil (an open end counts as open). */
export function seasonOf(window: HarvestWindow, now: Date): Season {
  if (window.availableFrom && new Date(window.availableFrom) > now) return "preorder";
  if (window.availableUntil && new Date(window.availableUntil) < now) return "over";
  return "in_season";
}

const RANK: Record<Season, number> = { in_season: 0, preorder: 1, over: 2 };

/**
 * In season first, then pre-orders by the day they open (soonest first), then
 * the rest. Otherwise the given order is kept (the sort is stable).
 */
export function bySeason<T extends HarvestWindow>(items: readonly T[], now: Date): T[] {
  const ranked = items.map((item, index) => ({ item, index, season: seasonOf(item, now) }));
  ranked.sort((a, b) => {
    const rank = RANK[a.season] - RANK[b.season];
    if (rank !== 0) return rank;
    if (a.season === "preorder" && b.season === "preorder") {
      const opens = Date.parse(a.item.availableFrom ?? "") - Date.parse(b.item.availableFrom ?? "");
      if (opens !== 0) return opens;
    }
    return a.index - b.index;
  });
  return ranked.map((r) => r.item);
}
