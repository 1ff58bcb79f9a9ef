import type { Manifest } from "../gate-sync";

// The gate's counter as the device knows it: from the day's manifest it keeps and what it
// admitted itself, for a gate without signal (or whose page was kept before its last sync).

/** Tickets checked in, of the valid tickets for the gate's session (or all of the manifest's day). */
export type Counts = { checkedIn: number; total: number };

/**
 * The counter from the manifest (the same tickets the server counts: valid, of the gate's
 * session or, for a gate on the whole day, of the manifest's day) with this device's own
 * admissions, which the manifest learns only at the next sync.
 */
export function countsFromManifest(
  manifest: Pick<Manifest, "tickets">,
  sessionId: string | null,
  admittedHere: Readonly<Record<string, string>>,
): Counts {
  let checkedIn = 0;
  let total = 0;
  for (const ticket of manifest.tickets) {
    if (ticket.status !== "valid" || (sessionId !== null && ticket.sessionId !== sessionId)) continue;
    total += 1;
    if (ticket.checkedInAt || admittedHere[ticket.code]) checkedIn += 1;
  }
  return { checkedIn, total };
}

/**
 * What the counter shows: the server's count (as the page was rendered, or as last fetched),
 * unless the device's own count knows more admissions (the page was kept before a sync, or
 * scans wait to sync). Admissions only grow through the day, so more is newer; of the totals
 * (which grow with sales) the greater is taken then too.
 */
export function freshestCounts(shown: Counts, local: Counts | null): Counts {
  if (!local || local.checkedIn <= shown.checkedIn) return shown;
  return { checkedIn: local.checkedIn, total: Math.max(local.total, shown.total, local.checkedIn) };
}
