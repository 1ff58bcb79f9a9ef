import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isAtLeast, nodeVersionProblem } from "./lib/node-version";
import { root } from "./lib/run";

// What the lockfile (what `npm ci` installs) holds, for the choices package.json makes
// on purpose: its overrides, and the Node.js it runs on.

type Lock = { packages: Record<string, { version?: string; dev?: boolean }> };
const lock = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lock;

const copies = (name: string) =>
  Object.entries(lock.packages)
    .filter(([where]) => where === `node_modules/${name}` || where.endsWith(`/node_modules/${name}`))
    .map(([where, entry]) => ({ where, version: entry.version ?? "", dev: entry.dev === true }));

describe("the installed dependencies", () => {
  it("hold one better-sqlite3, built once, which the Prisma adapter shares", () => {
    expect(copies("better-sqlite3").map((c) => c.where)).toEqual(["node_modules/better-sqlite3"]);
  });

  it("send mail with a nodemailer past its published advisories, next-auth included (no copy of its own)", () => {
    // GHSA-c7w3-x93f-qmm8 (fixed in 8.0.4), GHSA-vvjj-xcjg-gr5g (8.0.5), GHSA-g73g-hqqh-jr95 (10.0.13).
    const runtime = copies("nodemailer").filter((c) => !c.dev);
    expect(runtime.map((c) => c.where)).toEqual(["node_modules/nodemailer"]);
    expect(isAtLeast(runtime[0]?.version ?? "0", "10.0.13")).toBe(true);
    for (const copy of copies("nodemailer")) expect(isAtLeast(copy.version, "10.0.13"), copy.where).toBe(true);
  });

  it("run on a supported Node.js (what package.json's engines ask for)", () => {
    expect(nodeVersionProblem()).toBeNull();
  });
});
