import { readFileSync } from "node:fs";
import path from "node:path";
import { root } from "./run";

/** The oldest Node.js the app runs on, from package.json's `engines` (">=22.12"). */
export function requiredNode(): string {
  const { engines } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    engines: { node: string };
  };
  return engines.node.replace(/^>=\s*/, "");
}

/** Whether `version` ("24.22.3", "v20.20.2") is at least `floor` ("22.12"). */
export function isAtLeast(version: string, floor: string): boolean {
  const have = version.replace(/^v/, "").split(".").map(Number);
  const need = floor.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const a = have[i] ?? 0;
    const b = need[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}

/** Null when this Node.js will do, else the one line that says what to install. */
export function nodeVersionProblem(version = process.versions.node, floor = requiredNode()): string | null {
  if (isAtLeast(version, floor)) return null;
  return `Node.js ${floor} or newer is needed (24 LTS recommended); this is ${version.replace(/^v?/, "v")}. See the README, "Run it", for Node 24 from the npm registry.`;
}
