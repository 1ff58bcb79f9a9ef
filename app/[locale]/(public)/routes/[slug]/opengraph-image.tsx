import { ImageResponse } from "next/og";
import { CATEGORY_COLOURS } from "@/modules/routes/categories";
import { getPublishedRoute } from "@/modules/routes/queries";

export const size = { width: 1200, height: 630 };
export const contentType = "image/png";
export const alt = "Suoqian route";

/** The route's shape as an SVG polyline fitted into a box (equirectangular, scaled by latitude). */
function shape(path: [number, number][], w: number, h: number): string {
  if (path.length < 2) return "";
  const k = Math.cos(((path[0]?.[1] ?? 30) * Math.PI) / 180);
  const xs = path.map(([lng]) => lng * k);
  const ys = path.map(([, lat]) => lat);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min(w / (maxX - minX || 1), h / (maxY - minY || 1));
  return path
    .map(([lng, lat]) => `${((lng * k - minX) * scale).toFixed(1)},${((maxY - lat) * scale).toFixed(1)}`)
    .join(" ");
}

// Latin text only: the image renderer ships no CJK font, so the card uses the English title.
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const route = await getPublishedRoute(slug);
  const colour = route ? CATEGORY_COLOURS[route.category] : "#246039";
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: "#f1f8f3", padding: 60 }}>
      <div style={{ display: "flex", flexDirection: "column", justifyContent: "space-between", width: 620 }}>
        <div style={{ display: "flex", fontSize: 30, color: colour, textTransform: "uppercase" }}>
          {route ? `${route.category} tour` : "Suoqian"}
        </div>
        <div style={{ display: "flex", fontSize: 60, fontWeight: 700, color: "#173d25", lineHeight: 1.15 }}>
          {route?.title.en ?? "Suoqian routes"}
        </div>
        <div style={{ display: "flex", fontSize: 28, color: "#57534e" }}>
          {route
            ? `${(route.distanceMeters / 1000).toFixed(1)} km · ${route.stops.length} stops · Suoqian, Hangzhou`
            : ""}
        </div>
      </div>
      <svg width="460" height="510" viewBox="-20 -20 500 550" style={{ marginLeft: 40 }}>
        <title>route</title>
        <polyline
          points={route ? shape(route.path, 460, 510) : ""}
          fill="none"
          stroke={colour}
          strokeWidth="14"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
    </div>,
    size,
  );
}
