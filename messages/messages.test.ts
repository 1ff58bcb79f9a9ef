import { parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import en from "./en.json";
import zh from "./zh-CN.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(leaves);
}

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("are valid ICU messages (the build compiles them; a stray < or { fails it)", () => {
    for (const text of [...leaves(zh), ...leaves(en)]) expect(() => parse(text), text).not.toThrow();
  });

  it("have no empty messages", () => {
    for (const text of [...leaves(zh), ...leaves(en)]) expect(text.trim()).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const zhKeys = keys(zh);
    const get = (obj: unknown, key: string) =>
      key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], obj) as string;
    for (const key of zhKeys) {
      const names = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
      expect(names(get(en, key)), key).toEqual(names(get(zh, key)));
    }
  });

  it("name the product categories once, so the farmer's editor and the shop say the same", () => {
    const catalogues = [zh, en] as Record<string, Record<string, unknown>>[];
    for (const catalogue of catalogues) {
      const holders = Object.entries(catalogue)
        .filter(([, section]) => typeof section === "object" && section !== null && "categories" in section)
        .filter(([, section]) => "PRESERVES" in ((section as { categories: object }).categories ?? {}))
        .map(([name]) => name);
      expect(holders).toEqual(["shop"]);
    }
  });
});
