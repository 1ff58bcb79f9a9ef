export type Bar = { key: string; value: number; label: string; title: string };

/**
 * Bars as an SVG drawn on the server, so dashboards ship no chart library. Pages
 * put a table of the same figures beside it, for screen readers and copying.
 */
export function BarChart({ bars, label, testId }: { bars: Bar[]; label: string; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = 600;
  const height = 160;
  const barWidth = width / Math.max(bars.length, 1);
  return (
    <svg
      viewBox={`0 0 ${width} ${height + 20}`}
      className="h-48 w-full"
      role="img"
      aria-label={label}
      data-testid={testId}
    >
      {bars.map((b, i) => {
        const h = Math.round((b.value / max) * height);
        return (
          <g key={b.key}>
            <rect
              x={i * barWidth + 1}
              y={height - h}
              width={Math.max(1, barWidth - 2)}
              height={h}
              className="fill-brand-600"
            >
              <title>{b.title}</title>
            </rect>
            {bars.length <= 14 || i % Math.ceil(bars.length / 7) === 0 ? (
              <text
                x={i * barWidth + barWidth / 2}
                y={height + 14}
                textAnchor="middle"
                className="fill-stone-500 text-[10px]"
              >
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
