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

function build(now: string) {
  const data = festivalEventJsonLd(festival, {
    locale: "en",
    url,
    now: new Date(now),
    sessionName: (s) => `session ${s.id}`,
    address: { locality: "Suoqian", region: "Xiaoshan, Hangzhou" },
  });
  // What a crawler reads: the script's text, parsed.
  return JSON.parse(jsonLdText(data)) as {
    "@type": string;
    name: string;
    url: string;
    startDate: string;
    endDate: string;
    location: { "@type": string; name: string; geo: { latitude: number } };
    offers: Record<string, string>[];
  };
}

describe("festivalEventJsonLd", () => {
  it("is an Event with an offer per ticket type and session, priced in yuan with its currency", () => {
    const event = build("2027-06-01T00:00:00Z");
    expect(event["@type"]).toBe("Event");
    expect(event.name).toBe("Dujia Bayberry Festival");
    expect(event.url).toBe(url);
    expect(event.startDate).toBe("2027-06-13T01:00:00.000Z");
    expect(event.endDate).toBe("2027-06-14T08:00:00.000Z");
    expect(event.location).toMatchObject({ "@type": "Place", name: "Dujia village", geo: { latitude: 30.05 } });
    expect(event.offers).toHaveLength(3 * 2);
    expect(event.offers.map((o) => o.price)).toEqual(["88.00", "38.50", "88.00", "38.50", "88.00", "38.50"]);
    for (const offer of event.offers) {
      expect(offer["@type"]).toBe("Offer");
      expect(offer.priceCurrency).toBe("CNY");
      expect(offer.availability).toBe("https://schema.org/InStock");
      expect(offer.url).toBe(url);
    }
    expect(event.offers[0]).toMatchObject({
      name: "Adult · session s1",
      availabilityStarts: "2027-06-13T01:00:00.000Z",
      validThrough: "2027-06-13T01:00:00.000Z",
    });
  });

  it("ends each offer's validity at the earlier of the session's start and the sales' end", () => {
    const last = build("2027-06-01T00:00:00Z").offers.at(-1);
    expect(last?.validThrough).toBe(festival.salesEndAt);
  });

  it("says from when tickets are on sale only before the sales open", () => {
    expect(build("2027-04-01T00:00:00Z").offers[0]?.validFrom).toBe(festival.salesStartAt);
    expect(build("2027-06-01T00:00:00Z").offers[0]?.validFrom).toBeUndefined();
  });

  it("offers no session that has started, and nothing once the sales are over", () => {
    expect(build("2027-06-13T02:00:00Z").offers.map((o) => o.availabilityStarts)).toEqual([
      "2027-06-14T01:00:00.000Z",
      "2027-06-14T01:00:00.000Z",
      "2027-06-14T06:00:00.000Z",
      "2027-06-14T06:00:00.000Z",
    ]);
    expect(build("2027-06-14T01:30:00Z").offers).toEqual([]);
  });
});
