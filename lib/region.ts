// The area the platform covers. Every stored coordinate (WGS-84) must fall inside it.
export type Region = { south: number; west: number; north: number; east: number };

/** Suoqian town, with a margin (the town report's places, places.json). */
export const SUOQIAN_REGION: Region = { south: 30.02, west: 120.24, north: 30.12, east: 120.35 };

export function parseRegion(value: string): Region | null {
  const parts = value.split(",").map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [south = 0, west = 0, north = 0, east = 0] = parts;
  if (south >= north || west >= east || south < -90 || north > 90 || west < -180 || east > 180) return null;
  return { south, west, north, east };
}

export function insideRegion(region: Region, lat: number, lng: number): boolean {
  return lat >= region.south && lat <= region.north && lng >= region.west && lng <= region.east;
}
