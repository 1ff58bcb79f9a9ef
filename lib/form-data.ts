import { z } from "zod";

/** Server actions receive FormData; the editor sends its payload as one JSON field. */
export function jsonPayload<S extends z.ZodType>(schema: S) {
  return z.preprocess((raw) => {
    const payload = (raw as { payload?: unknown } | null)?.payload;
    if (typeof payload !== "string") return raw;
    try {
      return JSON.parse(payload) as unknown;
    } catch {
      return raw;
    }
  }, schema);
}
