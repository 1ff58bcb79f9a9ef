import { createSerwistRoute } from "@serwist/turbopack";
import { withRoute } from "@/modules/auth/route-guard";
import { precacheOfflinePages } from "@/modules/offline/precache";

// Public by design: the service worker (/serwist/sw.js), bundled from modules/offline/sw.ts
// when the site is built. It may control the whole site (Service-Worker-Allowed: /).
const serwist = createSerwistRoute({
  swSrc: "modules/offline/sw.ts",
  // esbuild itself (installed with the build tools), not its WebAssembly copy.
  useNativeEsbuild: true,
  // A classic script, which every browser with service workers runs; no source map is published.
  esbuildOptions: { format: "iife", sourcemap: false },
  manifestTransforms: [precacheOfflinePages],
});

export const { dynamic, dynamicParams, revalidate, generateStaticParams } = serwist;
export const GET = withRoute("public", serwist.GET);
