import { z } from "zod";

/** A GeoJSON LineString's coordinates in WGS-84: [[lng, lat], …]. */
export const pathSchema = z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]));
