import type { ReactElement, SVGProps } from "react";
import type { ProduceKind } from "../produce-kind";

// A drawing of each kind of produce (see produceKind), shown until the farmer uploads a
// photo, and on the product's share image. Flat SVG shapes on a 120 × 90 canvas, no text.
// The same element renders in the page and in next/og's image renderer, which takes only
// plain SVG elements inside an <svg> (no components of our own, no <text>): so each drawing
// below is a fragment of intrinsic elements, not a component.

const BACKGROUND: Record<ProduceKind, string> = {
  bayberry: "#f9e6ea",
  cherry: "#fdeeee",
  citrus: "#fff3de",
  strawberry: "#fcebe7",
  tea: "#eaf4e3",
  "bamboo-shoot": "#f5ecdc",
  preserves: "#fbece2",
  "fruit-wine": "#f4e9f0",
  "ready-meal": "#f1ede6",
  other: "#e9f1ea",
};

// Three dark red bayberries, bumpy all over, under two long leaves.
const BAYBERRY = (
  <>
    <path d="M60 26 C52 14 38 8 22 12 C32 22 46 28 60 26 Z" fill="#2f7a4a" />
    <path d="M60 26 C48 20 36 15 25 13" stroke="#7fbf8a" strokeWidth="1.2" fill="none" />
    <path d="M60 26 C70 12 84 8 100 10 C90 22 74 28 60 26 Z" fill="#4d9c5c" />
    <path d="M60 26 C72 19 84 14 97 11" stroke="#94cf9b" strokeWidth="1.2" fill="none" />
    <path d="M60 26 L60 38" stroke="#6b4f3a" strokeWidth="2" strokeLinecap="round" />
    {/* A dotted outline of round caps makes each berry's edge knobbly. */}
    <g strokeWidth="3.4" strokeLinecap="round" strokeDasharray="0.1 3.1">
      <circle cx="44" cy="52" r="15" fill="#8e1b33" stroke="#8e1b33" />
      <circle cx="77" cy="52" r="15" fill="#7a1630" stroke="#7a1630" />
    </g>
    <g fill="#b8405c">
      <circle cx="38" cy="47" r="1.6" />
      <circle cx="47" cy="45" r="1.6" />
      <circle cx="42" cy="55" r="1.6" />
      <circle cx="71" cy="46" r="1.6" />
      <circle cx="80" cy="45" r="1.6" />
      <circle cx="84" cy="54" r="1.6" />
    </g>
    <circle
      cx="60"
      cy="68"
      r="15"
      fill="#6b1029"
      stroke="#6b1029"
      strokeWidth="3.4"
      strokeLinecap="round"
      strokeDasharray="0.1 3.1"
    />
    <g fill="#a8334f">
      <circle cx="54" cy="63" r="1.6" />
      <circle cx="63" cy="62" r="1.6" />
      <circle cx="57" cy="72" r="1.6" />
      <circle cx="67" cy="70" r="1.6" />
      <circle cx="61" cy="78" r="1.6" />
    </g>
    <g fill="#fff" opacity="0.3">
      <ellipse cx="38" cy="45" rx="4" ry="2.5" />
      <ellipse cx="71" cy="45" rx="4" ry="2.5" />
      <ellipse cx="54" cy="61" rx="4" ry="2.5" />
    </g>
  </>
);

// Two pairs of bright cherries, each pair on its stalks with a leaf.
const CHERRY = (
  <>
    <path d="M46 14 C54 6 66 6 72 10 C64 16 54 16 46 14 Z" fill="#4d9c5c" />
    <path d="M46 14 C54 11 62 10 70 10" stroke="#94cf9b" strokeWidth="1.1" fill="none" />
    <path d="M88 22 C96 14 106 14 112 18 C104 24 96 24 88 22 Z" fill="#2f7a4a" />
    <path d="M88 22 C96 19 104 18 110 18" stroke="#7fbf8a" strokeWidth="1.1" fill="none" />
    <g stroke="#6b4f3a" strokeWidth="2" fill="none" strokeLinecap="round">
      <path d="M46 14 C40 26 34 40 32 52" />
      <path d="M46 14 C50 28 54 42 56 56" />
      <path d="M88 22 C84 34 80 46 78 57" />
      <path d="M88 22 C92 34 96 48 98 59" />
    </g>
    <circle cx="32" cy="62" r="11" fill="#c81e3a" />
    <circle cx="56" cy="66" r="11" fill="#a3243b" />
    <circle cx="78" cy="66" r="10" fill="#b91c1c" />
    <circle cx="98" cy="68" r="10" fill="#c81e3a" />
    <g fill="#fff" opacity="0.45">
      <ellipse cx="28" cy="58" rx="3" ry="2" />
      <ellipse cx="52" cy="62" rx="3" ry="2" />
      <ellipse cx="75" cy="62" rx="2.8" ry="1.8" />
      <ellipse cx="95" cy="64" rx="2.8" ry="1.8" />
    </g>
  </>
);

// A red-orange citrus with its leaf, and a half cut open to show the segments.
const CITRUS = (
  <>
    <circle cx="44" cy="52" r="24" fill="#f97316" />
    <g fill="#ea580c">
      <circle cx="34" cy="46" r="1.2" />
      <circle cx="52" cy="42" r="1.2" />
      <circle cx="38" cy="62" r="1.2" />
      <circle cx="56" cy="58" r="1.2" />
      <circle cx="46" cy="70" r="1.2" />
    </g>
    <ellipse cx="34" cy="40" rx="6" ry="3.5" fill="#fff" opacity="0.35" />
    <circle cx="44" cy="29" r="2.5" fill="#6b4f3a" />
    <path d="M45 29 C50 18 62 14 72 16 C66 26 56 30 45 29 Z" fill="#2f7a4a" />
    <path d="M45 29 C54 24 62 19 70 17" stroke="#7fbf8a" strokeWidth="1.1" fill="none" />
    <circle cx="88" cy="62" r="17" fill="#f97316" />
    <circle cx="88" cy="62" r="14.5" fill="#fff3dc" />
    <circle cx="88" cy="62" r="13" fill="#fdba74" />
    <path
      d="M88 49 L88 75 M75 62 L101 62 M78.8 52.8 L97.2 71.2 M97.2 52.8 L78.8 71.2"
      stroke="#fff3dc"
      strokeWidth="1.6"
    />
    <circle cx="88" cy="62" r="2.2" fill="#fff3dc" />
  </>
);

// A red strawberry, pale seeds all over, its green crown and stalk on top.
const STRAWBERRY = (
  <>
    <path d="M60 84 C44 74 30 58 31 44 C32 34 46 30 60 31 C74 30 88 34 89 44 C90 58 76 74 60 84 Z" fill="#dc2626" />
    <path d="M60 84 C70 74 82 60 85 46 C88 58 76 74 60 84 Z" fill="#b91c1c" />
    <ellipse cx="44" cy="46" rx="5" ry="3" fill="#fff" opacity="0.3" />
    <g fill="#fde68a">
      <ellipse cx="42" cy="40" rx="1.2" ry="1.8" />
      <ellipse cx="54" cy="40" rx="1.2" ry="1.8" />
      <ellipse cx="66" cy="40" rx="1.2" ry="1.8" />
      <ellipse cx="78" cy="40" rx="1.2" ry="1.8" />
      <ellipse cx="40" cy="52" rx="1.2" ry="1.8" />
      <ellipse cx="50" cy="51" rx="1.2" ry="1.8" />
      <ellipse cx="60" cy="50" rx="1.2" ry="1.8" />
      <ellipse cx="70" cy="51" rx="1.2" ry="1.8" />
      <ellipse cx="80" cy="52" rx="1.2" ry="1.8" />
      <ellipse cx="47" cy="62" rx="1.2" ry="1.8" />
      <ellipse cx="57" cy="62" rx="1.2" ry="1.8" />
      <ellipse cx="67" cy="62" rx="1.2" ry="1.8" />
      <ellipse cx="75" cy="61" rx="1.2" ry="1.8" />
      <ellipse cx="55" cy="72" rx="1.2" ry="1.8" />
      <ellipse cx="64" cy="72" rx="1.2" ry="1.8" />
    </g>
    <path d="M60 34 L44 26 L52 33 L40 36 L55 37 L50 44 L60 38 L70 44 L65 37 L80 36 L68 33 L76 26 Z" fill="#2f7a4a" />
    <path d="M60 33 C60 26 62 19 67 14" stroke="#4d9c5c" strokeWidth="3" strokeLinecap="round" fill="none" />
  </>
);

// A tea shoot, a bud and three leaves, beside a cup of green tea.
const TEA = (
  <>
    <path d="M36 82 C36 66 35 48 36 30" stroke="#6b4f3a" strokeWidth="2.2" fill="none" strokeLinecap="round" />
    <path d="M36 30 C32 23 33 16 37 11 C41 18 40 25 36 30 Z" fill="#8cc65f" />
    <path d="M36 54 C26 52 18 44 14 34 C26 34 34 42 36 54 Z" fill="#3f8f4f" />
    <path d="M36 54 C30 48 23 41 17 36" stroke="#7fbf8a" strokeWidth="1.1" fill="none" />
    <path d="M36 44 C46 40 54 32 58 21 C46 22 38 32 36 44 Z" fill="#4d9c5c" />
    <path d="M36 44 C43 37 50 30 56 23" stroke="#94cf9b" strokeWidth="1.1" fill="none" />
    <path d="M36 68 C46 68 55 62 59 53 C48 52 40 58 36 68 Z" fill="#2f7a4a" />
    <g stroke="#a8a29e" strokeWidth="2" fill="none" strokeLinecap="round">
      <path d="M80 42 C77 37 83 34 80 28" />
      <path d="M92 42 C89 37 95 34 92 28" />
    </g>
    <ellipse cx="86" cy="80" rx="23" ry="4" fill="#d6d3d1" />
    <path
      d="M65 52 L107 52 C105 68 97 78 86 78 C75 78 67 68 65 52 Z"
      fill="#fafaf9"
      stroke="#a8a29e"
      strokeWidth="1.5"
    />
    <path d="M67.5 61 L104.5 61" stroke="#7fbf8a" strokeWidth="2.5" />
    <ellipse cx="86" cy="52" rx="21" ry="4.5" fill="#fafaf9" stroke="#a8a29e" strokeWidth="1.5" />
    <ellipse cx="86" cy="52.5" rx="17.5" ry="3" fill="#b5cf6b" />
    <path d="M80 52.5 C84 50 90 50 93 52.5 C89 54.5 84 54.5 80 52.5 Z" fill="#4d9c5c" />
  </>
);

// A bamboo shoot in its speckled sheaths, green at the tip, standing in the earth.
const BAMBOO_SHOOT = (
  <>
    <ellipse cx="60" cy="81" rx="42" ry="5" fill="#a98b63" />
    <path d="M62 8 C54 28 40 54 36 80 L84 80 C82 54 70 28 62 8 Z" fill="#c99a5b" />
    <path d="M62 8 C60 30 58 56 57 80 L66 80 C66 56 64 30 62 8 Z" fill="#dcb27a" />
    <path d="M62 8 C59 13 58 18 59 23 L65 23 C66 18 65 13 62 8 Z" fill="#7fa04a" />
    <g stroke="#8a6434" strokeWidth="2.4" fill="none" strokeLinecap="round">
      <path d="M54 32 C58 29 66 29 70 32" />
      <path d="M48 46 C55 41 68 41 75 46" />
      <path d="M43 61 C53 55 70 55 80 61" />
      <path d="M39 74 C52 68 70 68 82 74" />
    </g>
    <g fill="#a8733a">
      <path d="M54 32 L47 27 L55 29 Z" />
      <path d="M75 46 L83 40 L74 43 Z" />
      <path d="M43 61 L34 55 L45 58 Z" />
      <path d="M82 74 L90 67 L80 71 Z" />
    </g>
    <g fill="#7a5530">
      <circle cx="52" cy="39" r="1.2" />
      <circle cx="70" cy="37" r="1.2" />
      <circle cx="47" cy="53" r="1.2" />
      <circle cx="73" cy="52" r="1.2" />
      <circle cx="50" cy="67" r="1.2" />
      <circle cx="74" cy="66" r="1.2" />
    </g>
    <g fill="#9a4a3a">
      <circle cx="44" cy="80" r="1.6" />
      <circle cx="52" cy="81" r="1.6" />
      <circle cx="68" cy="81" r="1.6" />
      <circle cx="76" cy="80" r="1.6" />
    </g>
  </>
);

// A jar of dried fruit and pickles with its label, a dish of dried bayberries beside it.
const PRESERVES = (
  <>
    <rect x="32" y="12" width="38" height="10" rx="2" fill="#b45309" />
    <rect x="32" y="17" width="38" height="2" fill="#92400e" />
    <rect x="27" y="22" width="48" height="60" rx="10" fill="#f6e7da" stroke="#b45309" strokeWidth="2" />
    <rect x="31" y="36" width="40" height="42" rx="7" fill="#c2853e" />
    <g fill="#7a1630">
      <circle cx="38" cy="42" r="3.5" />
      <circle cx="61" cy="41" r="3.5" />
      <circle cx="44" cy="72" r="3.5" />
      <circle cx="64" cy="71" r="3.5" />
    </g>
    <g fill="#e8c07a">
      <rect x="47" y="39" width="9" height="3.5" rx="1.5" />
      <rect x="35" y="67" width="3.5" height="8" rx="1.5" />
      <rect x="53" y="70" width="6" height="3.5" rx="1.5" />
    </g>
    <rect x="38" y="48" width="26" height="16" rx="2" fill="#fff8ef" />
    <circle cx="51" cy="56" r="4" fill="#a3243b" />
    <rect x="30" y="26" width="3" height="48" rx="1.5" fill="#fff" opacity="0.5" />
    <ellipse cx="97" cy="79" rx="17" ry="4" fill="#d6d3d1" />
    <g fill="#7a1630">
      <circle cx="90" cy="75" r="3.5" />
      <circle cx="98" cy="74" r="3.5" />
      <circle cx="105" cy="76" r="3.5" />
      <circle cx="94" cy="69" r="3.5" />
    </g>
  </>
);

// Fruit wine: a bottle, and a glass jar of bayberries steeping in spirit.
const FRUIT_WINE = (
  <>
    <rect x="34" y="10" width="8" height="8" rx="2" fill="#c99a5b" />
    <rect x="33" y="16" width="10" height="22" rx="2" fill="#7a1630" />
    <rect x="26" y="34" width="24" height="48" rx="6" fill="#7a1630" />
    <rect x="29" y="52" width="18" height="16" rx="2" fill="#fff8ef" />
    <circle cx="38" cy="60" r="3.5" fill="#a3243b" />
    <rect x="30" y="38" width="3" height="36" rx="1.5" fill="#fff" opacity="0.3" />
    <rect x="62" y="20" width="40" height="8" rx="2" fill="#b45309" />
    <rect x="58" y="27" width="48" height="55" rx="10" fill="#f8eef2" stroke="#a8a29e" strokeWidth="2" />
    <rect x="61" y="40" width="42" height="39" rx="8" fill="#c0395a" opacity="0.85" />
    <g fill="#6b1029">
      <circle cx="70" cy="70" r="5" />
      <circle cx="82" cy="73" r="5" />
      <circle cx="94" cy="69" r="5" />
      <circle cx="76" cy="59" r="5" />
      <circle cx="90" cy="57" r="5" />
      <circle cx="82" cy="47" r="5" />
    </g>
    <rect x="62" y="31" width="3" height="44" rx="1.5" fill="#fff" opacity="0.5" />
  </>
);

// A ready meal: a steaming bowl, and a zongzi tied with string.
const READY_MEAL = (
  <>
    <g stroke="#a8a29e" strokeWidth="2.5" fill="none" strokeLinecap="round">
      <path d="M32 34 C28 28 36 24 32 16" />
      <path d="M44 34 C40 28 48 24 44 16" />
      <path d="M56 34 C52 28 60 24 56 16" />
    </g>
    <ellipse cx="44" cy="50" rx="30" ry="6" fill="#7c2d12" />
    <rect x="30" y="42" width="11" height="8" rx="2" fill="#9a3412" />
    <rect x="44" y="41" width="12" height="9" rx="2" fill="#b45309" />
    <path d="M52 44 C56 40 62 40 64 44 C60 46 56 46 52 44 Z" fill="#4d9c5c" />
    <path d="M13 50 L75 50 C73 68 59 78 44 78 C29 78 15 68 13 50 Z" fill="#2f5d8a" />
    <path d="M17 58 L71 58" stroke="#7fa7cc" strokeWidth="1.6" />
    <rect x="34" y="77" width="20" height="5" rx="2" fill="#24486b" />
    <path d="M96 34 L114 80 L78 80 Z" fill="#4d9c5c" />
    <path d="M96 34 L114 80 L98 80 Z" fill="#2f7a4a" />
    <path d="M96 34 L92 56 M96 34 L104 58" stroke="#7fbf8a" strokeWidth="1" />
    <g stroke="#e7d3a8" strokeWidth="2" strokeLinecap="round">
      <path d="M85 62 L107 62" />
      <path d="M81 72 L111 72" />
    </g>
    <path d="M96 34 C90 26 100 24 96 34 C102 26 106 30 96 34 Z" fill="#e7d3a8" />
  </>
);

// A village basket of mixed produce.
const OTHER = (
  <>
    <path d="M36 44 C36 14 84 14 84 44" stroke="#8a6434" strokeWidth="4" fill="none" />
    <path d="M38 42 C34 30 40 22 48 24 C48 32 44 40 38 42 Z" fill="#4d9c5c" />
    <path d="M42 42 C44 30 52 26 58 30 C54 36 48 40 42 42 Z" fill="#2f7a4a" />
    <circle cx="62" cy="38" r="8" fill="#f59e0b" />
    <circle cx="75" cy="39" r="7" fill="#a3243b" />
    <path d="M75 32 L76 28" stroke="#6b4f3a" strokeWidth="1.5" strokeLinecap="round" />
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
);

const SHAPES: Record<ProduceKind, ReactElement> = {
  bayberry: BAYBERRY,
  cherry: CHERRY,
  citrus: CITRUS,
  strawberry: STRAWBERRY,
  tea: TEA,
  "bamboo-shoot": BAMBOO_SHOOT,
  preserves: PRESERVES,
  "fruit-wine": FRUIT_WINE,
  "ready-meal": READY_MEAL,
  other: OTHER,
};

/**
 * The drawing of a kind of produce, 4:3 like the photos it stands in for; `label` is its
 * text alternative, and `data-produce-kind` names the kind drawn.
 */
export function ProduceDrawing({
  kind,
  label,
  ...svg
}: { kind: ProduceKind; label: string } & Omit<SVGProps<SVGSVGElement>, "viewBox" | "role">) {
  return (
    <svg viewBox="0 0 120 90" role="img" aria-label={label} data-produce-kind={kind} {...svg}>
      <rect width="120" height="90" fill={BACKGROUND[kind]} />
      {SHAPES[kind]}
    </svg>
  );
}
