// Draws the app's icons (public/icons/*.png) from the SVG below: a bayberry over Suoqian's
// green hills, in the site's colours (app/globals.css). The PNGs are committed; run this
// only to change them: `npx tsx scripts/draw-icons.ts`.
import { mkdirSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { root } from "./lib/run";

const BRAND_600 = "#2f7a4a";
const BRAND_100 = "#dcefe1";
const BRAND_900 = "#173d25";
const BERRY_600 = "#a3243b";
const HILL = "#5f9f72";

/** The bumps of a bayberry: small dots on a hexagonal grid inside the fruit. */
function berryDots(cx: number, cy: number, radius: number): string {
  const dots: string[] = [];
  const step = 24;
  for (let row = -4; row <= 4; row++) {
    for (let col = -4; col <= 4; col++) {
      const x = cx + col * step + (row % 2 === 0 ? 0 : step / 2);
      const y = cy + row * step * 0.87;
      if (Math.hypot(x - cx, y - cy) < radius - 14) dots.push(`<circle cx="${x}" cy="${y.toFixed(1)}" r="6" />`);
    }
  }
  return `<g fill="#c4465f">${dots.join("")}</g>`;
}

/**
 * The icon on a 512 square. `corner` rounds the square (0 for maskable and Apple icons, whose
 * platforms cut their own shape); everything that matters stays inside the maskable safe
 * circle (radius 205 around the centre).
 */
function iconSvg(corner: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <defs><clipPath id="square"><rect width="512" height="512" rx="${corner}" /></clipPath></defs>
  <g clip-path="url(#square)">
    <rect width="512" height="512" fill="${BRAND_600}" />
    <path d="M0 372 C70 318 128 300 196 334 C252 298 330 276 404 318 C446 300 484 302 512 314 L512 512 L0 512 Z" fill="${HILL}" />
    <path d="M0 430 C110 392 214 386 300 408 C380 388 452 390 512 404 L512 512 L0 512 Z" fill="${BRAND_100}" />
    <path d="M170 512 C200 474 286 476 318 446 C338 428 322 414 300 410" fill="none" stroke="${BRAND_600}" stroke-width="12" stroke-linecap="round" />
    <path d="M256 124 C280 84 332 78 360 94 C338 128 292 140 256 124 Z" fill="${BRAND_100}" />
    <path d="M256 132 L252 108" stroke="${BRAND_900}" stroke-width="8" stroke-linecap="round" />
    <circle cx="256" cy="214" r="88" fill="${BERRY_600}" />
    ${berryDots(256, 214, 88)}
    <ellipse cx="224" cy="180" rx="22" ry="13" fill="#ffffff" opacity="0.35" transform="rotate(-30 224 180)" />
  </g>
</svg>`;
}

const ICONS = [
  { file: "icon-192.png", size: 192, corner: 96 },
  { file: "icon-512.png", size: 512, corner: 96 },
  { file: "maskable-512.png", size: 512, corner: 0 },
  { file: "apple-touch-icon.png", size: 180, corner: 0 },
];

const dir = path.join(root, "public", "icons");
mkdirSync(dir, { recursive: true });
for (const icon of ICONS) {
  await sharp(Buffer.from(iconSvg(icon.corner)), { density: 72 * (icon.size / 512) * 2 })
    .resize(icon.size, icon.size)
    .png({ compressionLevel: 9, palette: true })
    .toFile(path.join(dir, icon.file));
  console.log(`public/icons/${icon.file}`);
}
