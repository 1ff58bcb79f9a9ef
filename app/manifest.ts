import type { MetadataRoute } from "next";
import { apiTranslator } from "@/lib/i18n/api";

/** The web app manifest (/manifest.webmanifest): installs the site to the home screen, in Chinese first. */
export default function manifest(): MetadataRoute.Manifest {
  const t = apiTranslator("zh-CN");
  return {
    id: "/",
    name: t("meta.siteName"),
    short_name: t("meta.siteName"),
    description: t("meta.description"),
    lang: "zh-CN",
    dir: "ltr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    // --color-brand-600 and --color-brand-50 (app/globals.css).
    theme_color: "#2f7a4a",
    background_color: "#f1f8f3",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
