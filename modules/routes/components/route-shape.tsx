import type { LngLat } from "@/lib/geo";
import { CATEGORY_COLOURS, type CategorySlug } from "../categories";
import { routeShape } from "../shape";

/** A route's line and stops as a small drawing (no map tiles, no script): for cards. */
export function RouteShape({
  path,
  stops,
  category,
  label,
}: {
  path: readonly LngLat[];
  stops: readonly LngLat[];
  category: CategorySlug;
  label: string;
}) {
  const shape = routeShape(path, stops);
  const colour = CATEGORY_COLOURS[category];
  return (
    <svg
      viewBox={`0 0 ${shape.width} ${shape.height}`}
      className="h-20 w-28 shrink-0 rounded-lg bg-brand-50"
      role="img"
      aria-label={label}
      data-route-shape
    >
      <polyline
        points={shape.line.map(([x, y]) => `${x},${y}`).join(" ")}
        fill="none"
        stroke={colour}
        strokeWidth={2.5}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      {shape.stops.map(([x, y], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: stops are drawn in their order and never move
        <circle key={i} cx={x} cy={y} r={3.5} fill="#fff" stroke={colour} strokeWidth={2} />
      ))}
    </svg>
  );
}
