import { BarChart } from "@/components/ui/bar-chart";
import type { DaySales } from "../queries";

const DAY_MS = 86_400_000;

/** Every day from the first sale to the last, zeros included, at most the last `limit` days. */
export function continuousDays(sales: DaySales[], limit = 60): DaySales[] {
  const first = sales[0];
  const last = sales.at(-1);
  if (!first || !last) return [];
  const byDate = new Map(sales.map((d) => [d.date, d]));
  const out: DaySales[] = [];
  for (let t = Date.parse(`${first.date}T00:00:00Z`); t <= Date.parse(`${last.date}T00:00:00Z`); t += DAY_MS) {
    const date = new Date(t).toISOString().slice(0, 10);
    out.push(byDate.get(date) ?? { date, tickets: 0, revenueCents: 0 });
  }
  return out.slice(-limit);
}

/** Tickets sold per day as bars (the dashboard's table carries the same figures). */
export function SalesChart({ sales, label }: { sales: DaySales[]; label: string }) {
  const bars = continuousDays(sales).map((d) => ({
    key: d.date,
    value: d.tickets,
    label: d.date.slice(5),
    title: `${d.date}: ${d.tickets}`,
  }));
  return <BarChart bars={bars} label={label} testId="sales-chart" />;
}
