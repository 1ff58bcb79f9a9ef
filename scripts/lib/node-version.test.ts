import { describe, expect, it } from "vitest";
import { isAtLeast, nodeVersionProblem, requiredNode } from "./node-version";

describe("the Node.js a start needs", () => {
  it("is package.json's engines floor", () => {
    expect(requiredNode()).toBe("22.12");
  });

  it("compares versions part by part, not as text", () => {
    expect(isAtLeast("24.22.3", "22.12")).toBe(true);
    expect(isAtLeast("22.12.0", "22.12")).toBe(true);
    expect(isAtLeast("v22.9.0", "22.12")).toBe(false);
    expect(isAtLeast("20.20.2", "22.12")).toBe(false);
    expect(isAtLeast("100.0.0", "22.12")).toBe(true);
  });

  it("refuses an end-of-life Node.js with one line naming both versions", () => {
    expect(nodeVersionProblem("20.20.2", "22.12")).toBe(
      'Node.js 22.12 or newer is needed (24 LTS recommended); this is v20.20.2. See the README, "Run it", for Node 24 from the npm registry.',
    );
    expect(nodeVersionProblem("24.22.3", "22.12")).toBeNull();
  });
});
