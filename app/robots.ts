import type { MetadataRoute } from "next";
import { env } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/admin", "/organiser", "/farmer", "/account", "/api/"] },
    sitemap: `${env.siteUrl}/sitemap.xml`,
  };
}
