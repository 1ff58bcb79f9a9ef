import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps same-site paths", () => {
    expect(safeCallbackPath("/admin?x=1")).toBe("/admin?x=1");
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "admin", "", null, undefined])(
    "refuses %s",
    (value) => {
      expect(safeCallbackPath(value)).toBeNull();
    },
  );
});
