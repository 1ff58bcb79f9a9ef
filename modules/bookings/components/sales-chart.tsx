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

/**
 * Tickets sold per day as bars: an SVG drawn on the server, so the dashboard
 * ships no chart library. The table below it carries the same figures for
 * screen readers and for copying.
 */
export function SalesChart({ sales, label }: { sales: DaySales[]; label: string }) {
  const days = continuousDays(sales);
  const max = Math.max(1, ...days.map((d) => d.tickets));
  const width = 600;
  const height = 160;
  const barWidth = width / Math.max(days.length, 1);
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 20}`}
      className="h-48 w-full"
      role="img"
      aria-label={label}
      data-testid="sales-chart"
    >
      {days.map((d, i) => {
        const h = Math.round((d.tickets / max) * height);
        return (
          <g key={d.date}>
            <rect
              x={i * barWidth + 1}
              y={height - h}
              width={Math.max(1, barWidth - 2)}
              height={h}
              className="fill-brand-600"
            >
              <title>{`${d.date}: ${d.tickets}`}</title>
            </rect>
            {days.length <= 14 || i % Math.ceil(days.length / 7) === 0 ? (
              <text
                x={i * barWidth + barWidth / 2}
                y={height + 14}
                textAnchor="middle"
                className="fill-stone-500 text-[10px]"
              >
                {d.date.slice(5)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
