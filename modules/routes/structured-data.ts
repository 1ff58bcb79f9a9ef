import type { RouteDto } from "./types";

/** schema.org TouristTrip, with the stops as an ordered itinerary of places. */
export function touristTripJsonLd(route: RouteDto, lang: "zh" | "en") {
  return {
    "@context": "https://schema.org",
    "@type": "TouristTrip",
    name: route.title[lang],
    description: route.summary[lang],
    inLanguage: lang === "en" ? "en" : "zh-CN",
    touristType: route.category,
    itinerary: {
      "@type": "ItemList",
      numberOfItems: route.stops.length,
      itemListElement: route.stops.map((s) => ({
        "@type": "ListItem",
        position: s.position + 1,
        item: {
          "@type": "TouristAttraction",
          name: s.place.name[lang],
          geo: { "@type": "GeoCoordinates", latitude: s.place.lat, longitude: s.place.lng },
        },
      })),
    },
  };
}
