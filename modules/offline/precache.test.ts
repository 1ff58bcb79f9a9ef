import { describe, expect, it } from "vitest";
import { OFFLINE_PAGES, withOfflinePages } from "./precache";

const built = [
  { url: ".next/static/chunks/app-1a2b.js", revision: null, size: 100 },
  { url: "public/icons/icon-192.png", revision: "r1", size: 10 },
];

describe("precaching the offline pages", () => {
  it("adds both languages' offline page, each with a revision", () => {
    const manifest = withOfflinePages(built, "catalogue");
    expect(manifest.slice(0, 2)).toEqual(built);
    expect(manifest.slice(2).map((entry) => entry.url)).toEqual([...OFFLINE_PAGES]);
    const revision = manifest[2]?.revision;
    expect(revision).toMatch(/^[0-9a-f]{20}$/);
    expect(manifest[3]?.revision).toBe(revision);
  });

  it("keeps the revision for the same build and changes it when a file or a word changes", () => {
    const revision = (entries: typeof built, salt: string) => withOfflinePages(entries, salt).at(-1)?.revision;
    expect(revision(built, "catalogue")).toBe(revision(built, "catalogue"));
    expect(revision(built, "catalogue 2")).not.toBe(revision(built, "catalogue"));
    const rebuilt = [{ ...built[0], url: ".next/static/chunks/app-9z8y.js", size: 100 }, built[1]];
    expect(revision(rebuilt as typeof built, "catalogue")).not.toBe(revision(built, "catalogue"));
  });
});
