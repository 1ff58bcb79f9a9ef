import { describe, expect, it } from "vitest";
import { parseLimit } from "./settings";

describe("parseLimit", () => {
  it("reads a count per duration", () => {
    expect(parseLimit("10/15m")).toEqual({ points: 10, durationSeconds: 900 });
    expect(parseLimit("600/m")).toEqual({ points: 600, durationSeconds: 60 });
    expect(parseLimit(" 5 / 1h ")).toEqual({ points: 5, durationSeconds: 3600 });
    expect(parseLimit("3/2d")).toEqual({ points: 3, durationSeconds: 172_800 });
  });

  it("turns a limit off only when asked to", () => {
    expect(parseLimit("off")).toBeNull();
    expect(parseLimit("OFF")).toBeNull();
  });

  it.each(["", "10", "10/", "0/1m", "10/0m", "-1/1m", "1.5/1m", "10/15 minutes", "ten/1h"])("refuses %j", (value) => {
    expect(parseLimit(value)).toBeUndefined();
  });
});
