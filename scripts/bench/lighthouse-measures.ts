// Pure arithmetic of the Lighthouse benchmark (scripts/bench/lighthouse.ts): medians, the
// pairwise comparison with the bare Next.js page, and the RSC payload inlined in a page's HTML.

/** The median (the mean of the middle two for an even count; NaN for none). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A page's blocking time as a multiple of its bare partner's in the same pair of runs.
 * Both 0 is 1× (as quiet as the bare page); a blocking page beside a bare page without any is ∞.
 */
export function tbtRatio(page: number, bare: number): number {
  if (bare > 0) return page / bare;
  return page > 0 ? Number.POSITIVE_INFINITY : 1;
}

export type Pair = { page: { tbt: number; performance: number }; bare: { tbt: number; performance: number } };

/** What one page's pairs (each run: the bare page, then ours) come to. */
export function comparePairs(pairs: Pair[]) {
  return {
    tbt: median(pairs.map((p) => p.page.tbt)),
    bareTbt: median(pairs.map((p) => p.bare.tbt)),
    performance: median(pairs.map((p) => p.page.performance)),
    barePerformance: median(pairs.map((p) => p.bare.performance)),
    /** Median of the pairwise ratios (target ≤ 1.5). */
    tbtRatio: median(pairs.map((p) => tbtRatio(p.page.tbt, p.bare.tbt))),
    /** Median of the pairwise differences in points (target ≥ −5). */
    performanceDiff: median(pairs.map((p) => p.page.performance - p.bare.performance)),
  };
}

/**
 * The React Server Components payload a page's HTML carries for hydration: the strings
 * inside its `self.__next_f.push([…])` scripts, their length summed (UTF-16 code units, as
 * the browser holds them) and their UTF-8 bytes.
 */
export function rscPayload(html: string): { pushes: number; chars: number; bytes: number; unreadable: number } {
  const marker = "self.__next_f.push(";
  let pushes = 0;
  let chars = 0;
  let bytes = 0;
  let unreadable = 0;
  for (let at = html.indexOf(marker); at >= 0; at = html.indexOf(marker, at + marker.length)) {
    const start = at + marker.length;
    const end = html.indexOf(")</script>", start);
    if (end < 0) break;
    pushes++;
    try {
      const parts = JSON.parse(html.slice(start, end)) as unknown[];
      for (const part of parts) {
        if (typeof part !== "string") continue;
        chars += part.length;
        bytes += Buffer.byteLength(part);
      }
    } catch {
      unreadable++;
    }
  }
  return { pushes, chars, bytes, unreadable };
}
