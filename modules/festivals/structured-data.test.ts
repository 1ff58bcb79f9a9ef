import { describe, expect, it } from "vitest";
import { jsonLdText } from "@/lib/structured-data";
import type { FestivalDto } from "./festival-queries";
import { festivalEventJsonLd } from "./structured-data";

const festival: FestivalDto = {
  id: "f1",
  slug: "bayberry-festival",
  kind: "bayberry",
  name: { zh: "杜家杨梅节", en: "Dujia Bayberry Festival" },
  summary: { zh: "摘杨梅", en: "Pick bayberries" },
  description: { zh: "", en: "" },
  venue: { zh: "杜家村", en: "Dujia village" },
  venuePoint: { lat: 30.05, lng: 120.27 },
  startsOn: "2027-06-12T16:00:00.000Z",
  endsOn: "2027-06-14T15:59:00.000Z",
  salesStartAt: "2027-05-01T00:00:00.000Z",
  salesEndAt: "2027-06-14T01:00:00.000Z",
  cancellationCutoffHours: 24,
  maxTicketsPerOrder: 6,
  ticketTypes: [
    {
      id: "adult",
      name: { zh: "成人票", en: "Adult" },
      description: { zh: "", en: "" },
      priceCents: 8800,
      currency: "CNY",
      admissions: 1,
      maxPerOrder: 6,
    },
    {
      id: "child",
      name: { zh: "儿童票", en: "Child" },
      description: { zh: "", en: "" },
      priceCents: 3850,
      currency: "CNY",
      admissions: 1,
      maxPerOrder: 6,
    },
  ],
  sessions: [
    { id: "s1", startsAt: "2027-06-13T01:00:00.000Z", endsAt: "2027-06-13T03:00:00.000Z", capacity: 50, label: null },
    { id: "s2", startsAt: "2027-06-14T01:00:00.000Z", endsAt: "2027-06-14T03:00:00.000Z", capacity: 50, label: null },
    { id: "s3", startsAt: "2027-06-14T06:00:00.000Z", endsAt: "2027-06-14T08:00:00.000Z", capacity: 50, label: null },
  ],
};

const url = "https://suoqian.example/en/festivals/bayberry-festival";
const image = `${url}/opengraph-image-1npwlq`;
const organizer = { name: "Suoqian Trips", url: "https://suoqian.example/en" };

function build(now: string, seatsLeft?: ReadonlyMap<string, number>) {
  const data = festivalEventJsonLd(festival, {
    locale: "en",
    url,
    now: new Date(now),
    image,
    organizer,
    address: { locality: "Suoqian", region: "Xiaoshan, Hangzhou" },
    seatsLeft,
  });
  // What a crawler reads: the script's text, parsed.
  return JSON.parse(jsonLdText(data)) as {
    "@type": string;
    name: string;
    url: string;
    image: string[];
    organizer: Record<string, string>;
    startDate: string;
    endDate: string;
    location: { "@type": string; name: string; geo: { latitude: number } };
    offers: Record<string, string>[];
  };
}

const availability = (event: ReturnType<typeof build>) => event.offers.map((o) => o.availability);

describe("festivalEventJsonLd", () => {
  it("is an Event with one offer per ticket type, priced in yuan with its currency", () => {
    const event = build("2027-06-01T00:00:00Z");
    expect(event["@type"]).toBe("Event");
    expect(event.name).toBe("Dujia Bayberry Festival");
    expect(event.url).toBe(url);
    expect(event.startDate).toBe("2027-06-13T01:00:00.000Z");
    expect(event.endDate).toBe("2027-06-14T08:00:00.000Z");
    expect(event.location).toMatchObject({ "@type": "Place", name: "Dujia village", geo: { latitude: 30.05 } });
    expect(event.offers).toHaveLength(festival.ticketTypes.length);
    expect(event.offers.map((o) => o.price)).toEqual(["88.00", "38.50"]);
    for (const offer of event.offers) {
      expect(offer["@type"]).toBe("Offer");
      expect(offer.priceCurrency).toBe("CNY");
      expect(offer.availability).toBe("https://schema.org/InStock");
      expect(offer.url).toBe(url);
    }
    expect(event.offers[0]).toMatchObject({
      name: "Adult",
      availabilityStarts: "2027-06-13T01:00:00.000Z",
      availabilityEnds: "2027-06-14T08:00:00.000Z",
    });
  });

  it("shows the page's share card and names the site as the organiser", () => {
    const event = build("2027-06-01T00:00:00Z");
    expect(event.image).toEqual([image]);
    expect(event.organizer).toEqual({ "@type": "Organization", ...organizer });
  });

  it("is on sale from the sales' start, always said, until the sales end or the last session starts", () => {
    for (const now of ["2027-04-01T00:00:00Z", "2027-06-01T00:00:00Z", "2027-06-20T00:00:00Z"]) {
      for (const offer of build(now).offers) {
        expect(offer.validFrom).toBe(festival.salesStartAt);
        expect(offer.validThrough).toBe(festival.salesEndAt);
      }
    }
    const late = { ...festival, salesEndAt: "2027-06-30T00:00:00.000Z" };
    const data = festivalEventJsonLd(late, {
      locale: "zh-CN",
      url,
      now: new Date("2027-06-01T00:00:00Z"),
      image,
      organizer,
      address: { locality: "", region: "" },
    });
    expect(data.offers[0]?.validThrough).toBe("2027-06-14T06:00:00.000Z");
  });

  it("is in stock while a session that has not started has seats, else sold out", () => {
    expect(availability(build("2027-06-13T02:00:00Z"))).toEqual([
      "https://schema.org/InStock",
      "https://schema.org/InStock",
    ]);
    const full = new Map([
      ["s1", 3],
      ["s2", 0],
      ["s3", 0],
    ]);
    expect(availability(build("2027-06-01T00:00:00Z", full))).toEqual([
      "https://schema.org/InStock",
      "https://schema.org/InStock",
    ]);
    expect(availability(build("2027-06-13T02:00:00Z", full))).toEqual([
      "https://schema.org/SoldOut",
      "https://schema.org/SoldOut",
    ]);
    const over = build("2027-06-14T01:30:00Z");
    expect(over.offers).toHaveLength(2);
    expect(availability(over)).toEqual(["https://schema.org/SoldOut", "https://schema.org/SoldOut"]);
  });
});
