import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { availabilityUrl, offerPrice, SCHEMA_ORG } from "@/lib/structured-data";
import type { FestivalDto } from "./festival-queries";

type Session = FestivalDto["sessions"][number];

export type FestivalJsonLdContext = {
  locale: Locale;
  /** The page's own absolute URL. */
  url: string;
  now: Date;
  /** A session as the page names it ("6月13日 周六 09:00–11:00"). */
  sessionName: (session: Session) => string;
  /** Where the town is, in the page's language. */
  address: { locality: string; region: string };
};

const earlier = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

/**
 * schema.org Event for a festival, with one Offer per ticket type and session that can
 * still be bought (sessions not yet started, before the sales end). Seats are live and
 * the page is cached, so an offer says InStock and its window (validFrom, validThrough);
 * the festival page and GET /api/festivals/{slug}/availability say what is left.
 */
export function festivalEventJsonLd(festival: FestivalDto, context: FestivalJsonLdContext) {
  const { locale, url, now, sessionName, address } = context;
  const salesOver = now >= new Date(festival.salesEndAt);
  const salesOpen = now >= new Date(festival.salesStartAt);
  const upcoming = salesOver ? [] : festival.sessions.filter((s) => new Date(s.startsAt) > now);
  const first = festival.sessions[0];
  const last = festival.sessions.at(-1);
  return {
    "@context": SCHEMA_ORG,
    "@type": "Event",
    name: pick(festival.name, locale),
    description: pick(festival.summary, locale),
    url,
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
    offers: upcoming.flatMap((session) =>
      festival.ticketTypes.map((type) => ({
        "@type": "Offer",
        name: `${pick(type.name, locale)} · ${sessionName(session)}`,
        price: offerPrice(type.priceCents),
        priceCurrency: type.currency,
        availability: availabilityUrl("InStock"),
        ...(salesOpen ? {} : { validFrom: festival.salesStartAt }),
        validThrough: earlier(festival.salesEndAt, session.startsAt),
        availabilityStarts: session.startsAt,
        availabilityEnds: session.endsAt,
        url,
      })),
    ),
  };
}
