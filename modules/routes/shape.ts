import type { LngLat } from "@/lib/geo";

/** A route's line and stops, fitted into a small drawing (SVG user units), for cards without a map. */
export type RouteShape = { width: number; height: number; line: [number, number][]; stops: [number, number][] };

/** Douglas–Peucker: the points that keep the line's shape within `tolerance` (same units as the points). */
function simplify(points: [number, number][], tolerance: number): [number, number][] {
  if (points.length < 3) return points;
  const [first, last] = [points[0] as [number, number], points[points.length - 1] as [number, number]];
  let farthest = 0;
  let index = 0;
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i] as [number, number], first, last);
    if (d > farthest) {
      farthest = d;
      index = i;
    }
  }
  if (farthest <= tolerance) return [first, last];
  return [...simplify(points.slice(0, index + 1), tolerance).slice(0, -1), ...simplify(points.slice(index), tolerance)];
}

function distanceToSegment([x, y]: [number, number], [x1, y1]: [number, number], [x2, y2]: [number, number]): number {
  const [dx, dy] = [x2 - x1, y2 - y1];
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / length));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy));
}

/**
 * The route drawn in a `width` × `height` box with `padding` on each side: an
 * equirectangular projection (longitude shrunk by the cosine of the latitude, north up),
 * scaled to fit and centred, the line simplified to at most `maxPoints` points (its ends
 * kept), and one dot per stop. Without a path the stops are joined in order.
 */
export function routeShape(
  path: readonly LngLat[],
  stops: readonly LngLat[],
  { width = 120, height = 80, padding = 8, maxPoints = 60 } = {},
): RouteShape {
  const line = path.length >= 2 ? path : stops;
  const all = [...line, ...stops];
  if (all.length === 0) return { width, height, line: [], stops: [] };
  const midLat = all.reduce((sum, [, lat]) => sum + lat, 0) / all.length;
  const k = Math.cos((midLat * Math.PI) / 180);
  const xs = all.map(([lng]) => lng * k);
  const ys = all.map(([, lat]) => lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1e-9;
  const spanY = maxY - minY || 1e-9;
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([lng, lat]: LngLat): [number, number] => [
    round(offsetX + (lng * k - minX) * scale),
    round(offsetY + (maxY - lat) * scale),
  ];
  let projected = line.map(project);
  // Loosen the tolerance until the line fits the point budget.
  for (let tolerance = 0.25; projected.length > maxPoints; tolerance *= 1.6) {
    projected = simplify(line.map(project), tolerance);
  }
  return { width, height, line: projected, stops: stops.map(project) };
}

const round = (value: number) => Math.round(value * 10) / 10;
