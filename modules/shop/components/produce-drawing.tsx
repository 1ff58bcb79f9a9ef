import type { ReactNode, SVGProps } from "react";
import type { ProductCategory } from "../product-queries";

// A drawing of each kind of produce, shown until the farmer uploads a photo (and on the
// product's share image). Plain SVG shapes, no text: the same element renders in the
// page and in next/og's image renderer, and weighs less than a photo.

const BACKGROUND: Record<ProductCategory, string> = {
  FRUIT: "#fbe9ec",
  TEA: "#eaf4e3",
  BAMBOO: "#f5ecdc",
  PRESERVES: "#fbece2",
  PREPARED: "#f1ede6",
  OTHER: "#e9f1ea",
};

const SHAPES: Record<ProductCategory, ReactNode> = {
  // Fruit of the town's seasons: a citrus, a pair of cherries and a bayberry.
  FRUIT: (
    <>
      <path d="M42 30 C38 22 30 20 24 24 C30 30 36 32 42 30 Z" fill="#4d9c5c" />
      <circle cx="40" cy="52" r="20" fill="#f59e0b" />
      <g fill="#d97706">
        <circle cx="32" cy="46" r="1.3" />
        <circle cx="46" cy="44" r="1.3" />
        <circle cx="36" cy="58" r="1.3" />
        <circle cx="50" cy="56" r="1.3" />
      </g>
      <ellipse cx="33" cy="42" rx="5" ry="3" fill="#fff" opacity="0.35" />
      <g stroke="#6b4f3a" strokeWidth="2" fill="none" strokeLinecap="round">
        <path d="M86 18 C80 28 76 38 74 50" />
        <path d="M86 18 C88 30 90 40 92 52" />
      </g>
      <path d="M86 18 C92 12 100 12 104 16 C98 20 92 20 86 18 Z" fill="#2f7a4a" />
      <circle cx="74" cy="58" r="10" fill="#b91c1c" />
      <circle cx="92" cy="60" r="10" fill="#a3243b" />
      <ellipse cx="71" cy="54" rx="3" ry="2" fill="#fff" opacity="0.4" />
      <circle cx="60" cy="70" r="12" fill="#7a1630" />
      <g fill="#d05a72">
        <circle cx="55" cy="66" r="1.5" />
        <circle cx="63" cy="65" r="1.5" />
        <circle cx="58" cy="74" r="1.5" />
        <circle cx="66" cy="72" r="1.5" />
      </g>
    </>
  ),
  // A tea shoot: a bud and three leaves.
  TEA: (
    <>
      <path d="M60 82 C60 64 58 46 60 26" stroke="#6b4f3a" strokeWidth="2.5" fill="none" strokeLinecap="round" />
      <path d="M60 26 C55 18 57 10 62 5 C66 12 65 20 60 26 Z" fill="#8cc65f" />
      <path d="M59 52 C44 50 32 40 27 27 C42 27 54 36 59 52 Z" fill="#3f8f4f" />
      <path d="M59 52 C50 44 40 36 30 29" stroke="#7fbf8a" strokeWidth="1.2" fill="none" />
      <path d="M61 40 C74 36 86 26 91 13 C76 14 64 24 61 40 Z" fill="#4d9c5c" />
      <path d="M61 40 C70 32 80 22 88 16" stroke="#94cf9b" strokeWidth="1.2" fill="none" />
      <path d="M60 66 C74 66 87 58 93 47 C79 45 66 53 60 66 Z" fill="#2f7a4a" />
    </>
  ),
  // A bamboo shoot in its sheaths.
  BAMBOO: (
    <>
      <rect x="24" y="78" width="72" height="5" rx="2.5" fill="#a98b63" />
      <path d="M60 10 C52 30 40 56 38 78 L82 78 C80 56 68 30 60 10 Z" fill="#c99a5b" />
      <path d="M60 10 C57 16 56 21 57 25 L63 25 C64 21 63 16 60 10 Z" fill="#7fa04a" />
      <g stroke="#8a6434" strokeWidth="2" fill="none" strokeLinecap="round">
        <path d="M52 31 C56 28 64 28 68 31" />
        <path d="M46 46 C54 41 66 41 74 46" />
        <path d="M41 63 C52 56 68 56 79 63" />
      </g>
    </>
  ),
  // A jar of preserved fruit.
  PRESERVES: (
    <>
      <rect x="42" y="12" width="36" height="11" rx="2" fill="#b45309" />
      <rect x="36" y="22" width="48" height="58" rx="10" fill="#f6dcc8" stroke="#b45309" strokeWidth="2" />
      <rect x="40" y="38" width="40" height="38" rx="7" fill="#8e1b33" />
      <rect x="45" y="47" width="30" height="18" rx="2" fill="#fff8ef" />
      <circle cx="55" cy="56" r="4" fill="#a3243b" />
      <circle cx="65" cy="56" r="4" fill="#a3243b" />
    </>
  ),
  // A bowl of a prepared dish, still warm.
  PREPARED: (
    <>
      <g stroke="#a8a29e" strokeWidth="2.5" fill="none" strokeLinecap="round">
        <path d="M48 34 C44 28 52 24 48 16" />
        <path d="M60 34 C56 28 64 24 60 16" />
        <path d="M72 34 C68 28 76 24 72 16" />
      </g>
      <ellipse cx="60" cy="50" rx="31" ry="6" fill="#7c2d12" />
      <rect x="46" y="42" width="11" height="8" rx="2" fill="#9a3412" />
      <rect x="60" y="41" width="12" height="9" rx="2" fill="#b45309" />
      <path d="M28 50 L92 50 C90 68 76 78 60 78 C44 78 30 68 28 50 Z" fill="#2f5d8a" />
      <rect x="50" y="77" width="20" height="5" rx="2" fill="#24486b" />
    </>
  ),
  // A village basket.
  OTHER: (
    <>
      <path d="M36 44 C36 14 84 14 84 44" stroke="#8a6434" strokeWidth="4" fill="none" />
      <path d="M46 40 C46 30 56 26 62 30 C60 36 52 40 46 40 Z" fill="#4d9c5c" />
      <path d="M28 44 L92 44 L84 80 L36 80 Z" fill="#c99a5b" />
      <g stroke="#8a6434" strokeWidth="1.8">
        <path d="M31 56 L89 56" />
        <path d="M33 68 L87 68" />
        <path d="M48 44 L50 80" />
        <path d="M60 44 L60 80" />
        <path d="M72 44 L70 80" />
      </g>
      <rect x="26" y="40" width="68" height="6" rx="3" fill="#a97c45" />
    </>
  ),
};

/** The drawing for a category, 4:3 like the photos it stands in for; `label` is its text alternative. */
export function ProduceDrawing({
  category,
  label,
  ...svg
}: { category: ProductCategory; label: string } & Omit<SVGProps<SVGSVGElement>, "viewBox" | "role">) {
  return (
    <svg viewBox="0 0 120 90" role="img" aria-label={label} {...svg}>
      <rect width="120" height="90" fill={BACKGROUND[category]} />
      {SHAPES[category]}
    </svg>
  );
}
