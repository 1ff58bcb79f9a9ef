import type { TileConfig } from "./map-tiles";

// The security headers of every page and API answer, the same for every request
// to a path (no per-request nonce), so cached and prerendered pages stay static.

/** Paths whose page may use the camera: the gate scanner. */
const CAMERA_PATHS = /^(?:\/en)?\/organiser\/check-in(?:\/|$)/;

/** The origins map tiles come from, as CSP sources ("t{s}.tianditu.gov.cn" → "https://*.tianditu.gov.cn"). */
export function tileSources(tiles: TileConfig): string[] {
  const sources = tiles.layers.map((layer) => {
    const url = new URL(layer.url.replace(/\{[a-z]\}/g, "0"));
    const host = layer.url.match(/^https?:\/\/([^/]+)/)?.[1] ?? url.host;
    const wildcard = host.split(".").map((label, i) => (i === 0 && label.includes("{s}") ? "*" : label));
    return `${url.protocol}//${wildcard.join(".")}`;
  });
  return [...new Set(sources)];
}

/**
 * The Content-Security-Policy. Scripts: our own files, plus inline scripts, which
 * Next.js writes into every page (its data for hydration) and which only a
 * per-request nonce could name; everything else is closed: no plug-ins, no
 * framing, forms post only here, connections only to this site.
 */
export function contentSecurityPolicy(tiles: TileConfig, https: boolean): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${tileSources(tiles).join(" ")}`,
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(path: string, options: { tiles: TileConfig; siteUrl: string }): Record<string, string> {
  const https = options.siteUrl.startsWith("https://");
  const camera = CAMERA_PATHS.test(path) ? "camera=(self)" : "camera=()";
  return {
    "Content-Security-Policy": contentSecurityPolicy(options.tiles, https),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": `${camera}, microphone=(), geolocation=(self), payment=(), usb=()`,
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(https ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}
