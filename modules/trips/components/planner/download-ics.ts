import type { TripInput } from "../../types";

/** A guest's plan as a calendar file: the server writes it from the plan sent, the browser saves it. */
export async function downloadPlanIcs(plan: TripInput, locale: string): Promise<void> {
  const res = await fetch(`/api/trips/preview?format=ics&lang=${locale === "en" ? "en" : "zh"}`, {
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
