import { describe, expect, it } from "vitest";
import { distanceMeters, pathLengthMeters, travelMinutes } from "./geo";

describe("geo", () => {
  it("measures one degree of latitude as about 111.2 km", () => {
    expect(distanceMeters([120.3, 30], [120.3, 31])).toBeCloseTo(111_195, -1);
  });

  it("measures a path as the sum of its legs", () => {
    const a: [number, number] = [120.2879, 30.0915];
    const b: [number, number] = [120.3156, 30.0801];
    const c: [number, number] = [120.312, 30.07];
    expect(pathLengthMeters([a, b, c])).toBe(Math.round(distanceMeters(a, b) + distanceMeters(b, c)));
    expect(pathLengthMeters([a])).toBe(0);
  });

  it("estimates travel time by mode", () => {
    expect(travelMinutes(4000, "foot")).toBe(60);
    expect(travelMinutes(12_000, "bicycle")).toBe(60);
    expect(travelMinutes(15_000, "car")).toBe(30);
  });
});
