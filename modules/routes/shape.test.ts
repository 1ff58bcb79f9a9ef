import { describe, expect, it } from "vitest";
import type { LngLat } from "@/lib/geo";
import { routeShape } from "./shape";

// A wiggly line of 400 points around Suoqian, and three stops on it.
const path: LngLat[] = Array.from({ length: 400 }, (_, i) => [
  120.25 + i * 0.0001,
  30.08 + Math.sin(i / 15) * 0.003 + i * 0.00002,
]);
const stops: LngLat[] = [path[0] as LngLat, path[200] as LngLat, path[399] as LngLat];

describe("routeShape", () => {
  it("fits every point inside the box, with its padding", () => {
    const shape = routeShape(path, stops, { width: 120, height: 80, padding: 8 });
    for (const [x, y] of [...shape.line, ...shape.stops]) {
      expect(x).toBeGreaterThanOrEqual(8 - 0.05);
      expect(x).toBeLessThanOrEqual(112 + 0.05);
      expect(y).toBeGreaterThanOrEqual(8 - 0.05);
      expect(y).toBeLessThanOrEqual(72 + 0.05);
    }
  });

  it("keeps at most 60 points, the ends among them, and one dot per stop", () => {
    const shape = routeShape(path, stops);
    expect(shape.line.length).toBeLessThanOrEqual(60);
    expect(shape.line.length).toBeGreaterThan(5);
    expect(shape.line[0]).toEqual(shape.stops[0]);
    expect(shape.line.at(-1)).toEqual(shape.stops[2]);
    expect(shape.stops).toHaveLength(3);
  });

  it("draws north up: a stop further north is higher", () => {
    const shape = routeShape(
      [],
      [
        [120.25, 30.05],
        [120.25, 30.1],
      ],
    );
    const [south, north] = shape.stops as [[number, number], [number, number]];
    expect(north[1]).toBeLessThan(south[1]);
    expect(shape.line).toHaveLength(2);
  });

  it("draws nothing for a route with no points", () => {
    expect(routeShape([], [])).toEqual({ width: 120, height: 80, line: [], stops: [] });
  });
});
