import { xmlEscape as x } from "@/lib/xml";
import type { RouteDto } from "./types";

type Lang = "zh" | "en";

// GPX 1.1 (topografix.com/GPX/1/1): one waypoint per stop, in order, and the path
// as one track. Element order follows the schema's sequences.
export function routeToGpx(route: RouteDto, lang: Lang, pageUrl: string): string {
  const coord = (lat: number, lng: number) => `lat="${lat.toFixed(6)}" lon="${lng.toFixed(6)}"`;
  const waypoints = route.stops.map((s) => {
    const desc = s.note?.[lang] || s.place.description[lang];
    return [
      `  <wpt ${coord(s.place.lat, s.place.lng)}>`,
      `    <name>${x(`${s.position + 1}. ${s.place.name[lang]}`)}</name>`,
      desc ? `    <desc>${x(desc)}</desc>` : null,
      "    <type>stop</type>",
      "  </wpt>",
    ]
      .filter(Boolean)
      .join("\n");
  });
  const points = route.path.map(([lng, lat]) => `      <trkpt ${coord(lat, lng)}/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gpx version="1.1" creator="Suoqian Trips" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd">',
    "  <metadata>",
    `    <name>${x(route.title[lang])}</name>`,
    `    <desc>${x(route.summary[lang])}</desc>`,
    `    <link href="${x(pageUrl)}"><text>${x(route.title[lang])}</text></link>`,
    `    <time>${route.updatedAt}</time>`,
    "  </metadata>",
    ...waypoints,
    "  <trk>",
    `    <name>${x(route.title[lang])}</name>`,
    `    <type>${route.category}</type>`,
    "    <trkseg>",
    ...points,
    "    </trkseg>",
    "  </trk>",
    "</gpx>",
    "",
  ].join("\n");
}
