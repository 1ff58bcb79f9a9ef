import { describe, expect, it } from "vitest";
import zh from "../../messages/zh-CN.json";
import { LAYOUT_MESSAGES, pickMessages, SECTION_MESSAGES } from "./client-messages";

describe("pickMessages", () => {
  it("takes whole namespaces and single keys, leaving the rest behind", () => {
    const picked = pickMessages(zh, ["nav", "basket.link"]);
    expect(picked.nav).toEqual(zh.nav);
    expect(picked.basket).toEqual({ link: zh.basket.link });
    expect(Object.keys(picked).sort()).toEqual(["basket", "nav"]);
  });

  it("merges keys of one namespace and skips paths that name nothing", () => {
    const picked = pickMessages(zh, ["basket.link", "basket.linkCountOne", "nothing.here"]);
    expect(picked).toEqual({ basket: { link: zh.basket.link, linkCountOne: zh.basket.linkCountOne } });
  });

  it("gives every page's header a few kilobytes, not the catalogue", () => {
    const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
    expect(size(pickMessages(zh, LAYOUT_MESSAGES))).toBeLessThan(2_000);
    expect(size(pickMessages(zh, [...LAYOUT_MESSAGES, ...SECTION_MESSAGES.home]))).toBeLessThan(2_500);
    // Every named path exists in the catalogue.
    for (const path of [...LAYOUT_MESSAGES, ...Object.values(SECTION_MESSAGES).flat()]) {
      const [namespace, ...rest] = path.split(".");
      expect(Object.keys(pickMessages(zh, [path])), path).toEqual([namespace]);
      if (rest.length > 0) expect(JSON.stringify(pickMessages(zh, [path])), path).not.toBe("{}");
    }
  });
});
