import type { TripInput, TripItemInput } from "../../types";
import type { PreviewItem } from "../../use-trip-preview";

/** An item of the plan with its place in the plan and, once previewed, how it works out. */
export type PlanEntry = { index: number; input: TripItemInput; view: PreviewItem | undefined };

/** Whether a preview's item is this item of the plan (a preview answered before an edit may not be). */
export function isViewOf(view: TripItemInput | undefined, input: TripItemInput): boolean {
  if (!view || view.kind !== input.kind) return false;
  if (input.kind === "route") return view.kind === "route" && view.slug === input.slug;
  if (input.kind === "session") return view.kind === "session" && view.sessionId === input.sessionId;
  return view.kind === "pickup" && view.productId === input.productId;
}

/** The sessions of the plan the visitor already holds tickets for. */
export function heldSessions(entries: PlanEntry[]): Set<string> {
  return new Set(
    entries
      .filter((e) => e.view?.held && e.input.kind === "session")
      .map((e) => (e.input as { sessionId: string }).sessionId),
  );
}

/** How many items still need buying: every pickup, and the sessions not already held. */
export function needsCount(plan: TripInput, held: ReadonlySet<string>): number {
  return plan.items.filter((i) => i.kind === "pickup" || (i.kind === "session" && !held.has(i.sessionId))).length;
}
