import { describe, expect, it } from "vitest";
import { seatLevel } from "./availability";

describe("seatLevel", () => {
  it("is unknown until the seats have arrived", () => {
    expect(seatLevel(undefined, 120)).toBe("unknown");
  });

  it("says none, few or many", () => {
    expect(seatLevel(0, 120)).toBe("none");
    expect(seatLevel(10, 120)).toBe("few");
    expect(seatLevel(12, 120)).toBe("few");
    expect(seatLevel(13, 120)).toBe("many");
    expect(seatLevel(12, 500)).toBe("few");
    expect(seatLevel(51, 500)).toBe("many");
  });
});
