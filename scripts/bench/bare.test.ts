import { describe, expect, it } from "vitest";
import { bareStamp, bareTemplate } from "./bare";

const versions = { next: "16.4.6", react: "19.3.1", reactDom: "19.3.1" };

describe("the bare Next.js page of the Lighthouse benchmark", () => {
  const template = bareTemplate("/repo");
  const jsx = Object.entries(template)
    .filter(([file]) => file.endsWith(".jsx"))
    .map(([, text]) => text)
    .join("\n");

  it("has a layout in Chinese, a home page and the page it links to, as .jsx", () => {
    expect(Object.keys(template).sort()).toEqual([
      "app/layout.jsx",
      "app/next/page.jsx",
      "app/page.jsx",
      "next.config.mjs",
    ]);
    expect(template["app/layout.jsx"]).toContain('<html lang="zh-CN">');
  });

  it("has exactly one heading and one link, a next/link to /next", () => {
    expect(jsx.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(jsx.match(/<(Link|a)[\s>]/g)).toHaveLength(1);
    expect(template["app/page.jsx"]).toContain('import Link from "next/link"');
    expect(template["app/page.jsx"]).toContain('<Link href="/next">');
  });

  it("resolves Turbopack from the repo's root, so the app's next and react", () => {
    expect(template["next.config.mjs"]).toContain('turbopack: { root: "/repo" }');
  });

  it("is rebuilt when Next.js, React or the template changes", () => {
    const stamp = bareStamp(template, versions);
    expect(bareStamp(template, { ...versions })).toBe(stamp);
    expect(bareStamp(template, { ...versions, next: "16.4.7" })).not.toBe(stamp);
    expect(bareStamp(template, { ...versions, react: "19.3.2" })).not.toBe(stamp);
    expect(bareStamp(template, { ...versions, reactDom: "19.3.2" })).not.toBe(stamp);
    expect(bareStamp({ ...template, "app/page.jsx": "changed" }, versions)).not.toBe(stamp);
    expect(bareStamp(bareTemplate("/elsewhere"), versions)).not.toBe(stamp);
  });
});
