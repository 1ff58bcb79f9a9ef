/**
 * Months (1–12) as runs of consecutive months, wrapping over New Year:
 * [1,2,3,10,11,12] → [[10,3]]. All twelve → [[1,12]].
 */
export function monthRanges(months: readonly number[]): [number, number][] {
  const sorted = [...new Set(months)].filter((m) => m >= 1 && m <= 12).sort((a, b) => a - b);
  if (sorted.length === 12) return [[1, 12]];
  const runs: [number, number][] = [];
  for (const m of sorted) {
    const last = runs.at(-1);
    if (last && m === last[1] + 1) last[1] = m;
    else runs.push([m, m]);
  }
  const first = runs[0];
  const last = runs.at(-1);
  if (runs.length > 1 && first && last && first[0] === 1 && last[1] === 12) {
    runs.pop();
    first[0] = last[0];
    runs.push(...runs.splice(0, 1));
  }
  return runs;
}

/** A date inside month m (1–12), for formatting the month's name in any language and time zone. */
export function dateInMonth(month: number): Date {
  return new Date(Date.UTC(2026, month - 1, 15, 12));
}
