import { describe, expect, it } from "vitest";
import { toClientFestival } from "./client-festival";
import type { FestivalDto } from "./festival-queries";

const long = (n: number) => "杨".repeat(n);
const festival: FestivalDto = {
  id: "f1",
  slug: "bayberry-festival",
  name: { zh: "杜家杨梅节", en: "Dujia Bayberry Festival" },
  summary: { zh: long(200), en: "x".repeat(400) },
  description: { zh: long(2000), en: "y".repeat(4000) },
  venue: { zh: "杭州生态园", en: "Hangzhou Ecological Park" },
  venuePoint: { lat: 30.1, lng: 120.2 },
  startsOn: "2027-06-12T00:00:00.000Z",
  endsOn: "2027-07-04T00:00:00.000Z",
  salesStartAt: "2027-05-01T00:00:00.000Z",
  salesEndAt: "2027-07-04T00:00:00.000Z",
  cancellationCutoffHours: 24,
  maxTicketsPerOrder: 10,
  ticketTypes: [
    {
      id: "t1",
      name: { zh: "成人票", en: "Adult" },
      description: { zh: long(300), en: "z".repeat(600) },
      priceCents: 3800,
      currency: "CNY",
      admissions: 1,
      maxPerOrder: 10,
    },
  ],
  sessions: [
    { id: "s1", startsAt: "2027-06-12T00:00:00.000Z", endsAt: "2027-06-12T02:00:00.000Z", capacity: 120, label: null },
  ],
} as FestivalDto;

describe("toClientFestival", () => {
  it("carries what choosing tickets needs and none of the texts the server renders", () => {
    const client = toClientFestival(festival);
    const json = JSON.stringify(client);
    for (const key of ["summary", "description", "venue", "venuePoint", "cancellationCutoffHours"]) {
      expect(json).not.toContain(`"${key}"`);
    }
    expect(client.ticketTypes[0]).toEqual({
      id: "t1",
      name: { zh: "成人票", en: "Adult" },
      priceCents: 3800,
      currency: "CNY",
      admissions: 1,
      maxPerOrder: 10,
    });
    expect(client.sessions).toEqual(festival.sessions);
    // A tenth of the festival's own size here, whose texts dominate it.
    expect(Buffer.byteLength(json)).toBeLessThan(Buffer.byteLength(JSON.stringify(festival)) / 10);
  });
});
