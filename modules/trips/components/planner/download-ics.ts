import type { TripInput } from "../../types";
import { guestPlanId } from "../../use-trip-plan";

/**
 * A guest's plan as a calendar file: the server writes it from the plan sent, the
 * browser saves it. The plan's own id goes with it, so a second download updates the
 * events of the first in a calendar app rather than adding to them.
 */
export async function downloadPlanIcs(plan: TripInput, locale: string): Promise<void> {
  const query = new URLSearchParams({ format: "ics", lang: locale === "en" ? "en" : "zh", planId: guestPlanId() });
  const res = await fetch(`/api/trips/preview?${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(plan),
  });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = "suoqian-trip.ics";
  a.click();
  URL.revokeObjectURL(url);
}
