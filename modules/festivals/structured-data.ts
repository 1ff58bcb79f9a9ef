import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { availabilityUrl, offerPrice, SCHEMA_ORG } from "@/lib/structured-data";
import type { FestivalDto } from "./festival-queries";

export type FestivalJsonLdContext = {
  locale: Locale;
  /** The page's own absolute URL. */
  url: string;
  now: Date;
  /** Absolute URL of the page's share card. */
  image: string;
  /** Who puts the festival on, as the page names it (the site: its name and home page). */
  organizer: { name: string; url: string };
  /** Where the town is, in the page's language. */
  address: { locality: string; region: string };
  /**
   * Seats left per session id, when the caller knows them. The page is cached and seats
   * are live, so it passes none: a session on sale then counts by its capacity.
   */
  seatsLeft?: ReadonlyMap<string, number>;
};

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * schema.org Event for a festival, with one Offer per ticket type. A ticket is in stock
 * while any session can still be bought (not started, before the sales end) and has seats,
 * else sold out; it is on sale from the sales' start (validFrom) until the sales end or the
 * last session starts (validThrough), for the sessions from the first to the last
 * (availabilityStarts, availabilityEnds). The festival page and
 * GET /api/festivals/{slug}/availability say what is left per session.
 */
export function festivalEventJsonLd(festival: FestivalDto, context: FestivalJsonLdContext) {
  const { locale, url, now, image, organizer, address, seatsLeft } = context;
  const salesOver = now >= new Date(festival.salesEndAt);
  const onSale = salesOver ? [] : festival.sessions.filter((s) => new Date(s.startsAt) > now);
  const inStock = onSale.some((s) => (seatsLeft?.get(s.id) ?? s.capacity) > 0);
  const first = festival.sessions[0];
  const last = festival.sessions.at(-1);
  return {
    "@context": SCHEMA_ORG,
    "@type": "Event",
    name: pick(festival.name, locale),
    description: pick(festival.summary, locale),
    url,
    image: [image],
    inLanguage: locale,
    startDate: first?.startsAt ?? festival.startsOn,
    endDate: last?.endsAt ?? festival.endsOn,
    eventStatus: `${SCHEMA_ORG}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA_ORG}/OfflineEventAttendanceMode`,
    location: {
      "@type": "Place",
      name: pick(festival.venue, locale),
      address: {
        "@type": "PostalAddress",
        addressLocality: address.locality,
        addressRegion: address.region,
        addressCountry: "CN",
      },
      ...(festival.venuePoint
        ? {
            geo: {
              "@type": "GeoCoordinates",
              latitude: festival.venuePoint.lat,
              longitude: festival.venuePoint.lng,
            },
          }
        : {}),
    },
    organizer: { "@type": "Organization", name: organizer.name, url: organizer.url },
    offers: festival.ticketTypes.map((type) => ({
      "@type": "Offer",
      name: pick(type.name, locale),
      price: offerPrice(type.priceCents),
      priceCurrency: type.currency,
      availability: availabilityUrl(inStock ? "InStock" : "SoldOut"),
      validFrom: festival.salesStartAt,
      validThrough: last ? earlier(festival.salesEndAt, last.startsAt) : festival.salesEndAt,
      ...(first && last ? { availabilityStarts: first.startsAt, availabilityEnds: last.endsAt } : {}),
      url,
    })),
  };
}
