import { createElement, Fragment, isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PRODUCE_KINDS, type ProduceKind } from "../produce-kind";
import { ProduceDrawing } from "./produce-drawing";

const draw = (kind: ProduceKind) =>
  renderToStaticMarkup(createElement(ProduceDrawing, { kind, label: "杨梅（插画）" }));

/** What is drawn, without the outer <svg> that names the kind. */
const shapes = (markup: string) => markup.replace(/^<svg[^>]*>/, "");

describe("ProduceDrawing", () => {
  it("draws each kind of produce differently", () => {
    const drawn = PRODUCE_KINDS.map((kind) => shapes(draw(kind)));
    expect(new Set(drawn).size).toBe(PRODUCE_KINDS.length);
  });

  it("names its kind and its text alternative, as an image", () => {
    for (const kind of PRODUCE_KINDS) {
      const markup = draw(kind);
      expect(markup).toMatch(/^<svg /);
      expect(markup).toContain(`data-produce-kind="${kind}"`);
      expect(markup).toContain('role="img"');
      expect(markup).toContain('aria-label="杨梅（插画）"');
      expect(markup).toContain('viewBox="0 0 120 90"');
    }
  });

  it("keeps each drawing small: a handful of shapes, no text", () => {
    for (const kind of PRODUCE_KINDS) {
      const markup = shapes(draw(kind));
      const count = markup.match(/<(path|circle|ellipse|rect)\b/g)?.length ?? 0;
      expect(count, kind).toBeGreaterThanOrEqual(10);
      expect(count, kind).toBeLessThanOrEqual(32);
      expect(markup, kind).not.toMatch(/<(text|image|foreignObject)\b/);
    }
  });

  // next/og's renderer turns the <svg> into an image itself, refusing any component of ours inside it.
  it("holds only plain SVG elements, for the share image's renderer", () => {
    const components = (node: ReactNode): string[] => {
      if (Array.isArray(node)) return node.flatMap(components);
      if (!isValidElement<{ children?: ReactNode }>(node)) return [];
      const own = typeof node.type === "string" || node.type === Fragment ? [] : [String(node.type)];
      return [...own, ...components(node.props.children)];
    };
    for (const kind of PRODUCE_KINDS) {
      const svg = ProduceDrawing({ kind, label: kind });
      expect(svg.type).toBe("svg");
      expect(components(svg.props.children), kind).toEqual([]);
    }
  });
});
