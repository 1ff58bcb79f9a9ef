import { describe, expect, it } from "vitest";
import { unfoldIcs } from "@/lib/ics-fold";
import { tripCalendar } from "./calendar";
import { evaluateTrip } from "./evaluate";
import type { ProductFact, RouteFact, SessionFact, TripFacts, TripInput } from "./types";

const DUJIA = { lat: 30.095, lng: 120.284 };
const XIANGLIWANG = { lat: 30.112, lng: 120.31 };

const route: RouteFact = {
  slug: "red-memorial-common-prosperity-villages",
  title: { zh: "王华燕纪念馆与共富村", en: "Memorial hall and common-prosperity villages" },
  durationMinutes: 120,
  distanceMeters: 2000,
  months: [6],
  path: [
    [120.3, 30.1],
    [XIANGLIWANG.lng, XIANGLIWANG.lat],
  ],
  startPlace: { zh: "王华燕纪念馆", en: "Wang Huayan Memorial Hall" },
};

const session: SessionFact = {
  id: "cmsession0000000000000001",
  // Saturday 2027-06-12, 09:00–11:00 in Suoqian.
  startsAt: "2027-06-12T01:00:00.000Z",
  endsAt: "2027-06-12T03:00:00.000Z",
  label: { zh: "上午场", en: "Morning" },
  remaining: 5,
  onSale: true,
  festival: {
    slug: "dujia-bayberry-festival",
    name: { zh: "杜家杨梅节", en: "Dujia Bayberry Festival" },
    venue: { zh: "杜家村杨梅园", en: "Dujia bayberry orchards" },
    point: DUJIA,
    maxTicketsPerOrder: 10,
    ticketTypes: [],
  },
};

const product: ProductFact = {
  id: "cmproduct0000000000000001",
  slug: "xiangliwang-cherries",
  name: { zh: "祥里王樱桃", en: "Xiangliwang cherries" },
  unit: "JIN",
  priceCents: 6800,
  currency: "CNY",
  stock: null,
  availableFrom: null,
  availableUntil: null,
  pickupAtWorkshop: true,
  workshop: {
    slug: "xiangliwang-cherry-citrus",
    name: { zh: "祥里王樱桃与红美人共富工坊", en: "Xiangliwang cherry and citrus workshop" },
    village: "祥里王村",
    openingHours: { zh: "周二至周日 9:00–17:00（周一休息）", en: "Tuesday–Sunday 9:00–17:00 (closed Mondays)" },
    point: XIANGLIWANG,
  },
};

const facts: TripFacts = {
  routes: new Map([[route.slug, route]]),
  sessions: new Map([[session.id, session]]),
  products: new Map([[product.id, product]]),
  heldSessionIds: new Set(),
};

const DAY = "2027-06-12";
const plan = (items: TripInput["items"], title = "周六"): TripInput => ({ title, days: [DAY], items });
const full = plan([
  { kind: "session", sessionId: session.id, day: DAY, quantity: 2 },
  { kind: "route", slug: route.slug, day: DAY, start: "13:00" },
  { kind: "pickup", productId: product.id, day: DAY, start: "16:00" },
  { kind: "pickup", productId: product.id, day: DAY, start: "16:30" },
]);

const calendar = (p: TripInput, key: string, lang: "zh" | "en" = "zh") =>
  tripCalendar(p, evaluateTrip(p, facts, "2027-06-01"), lang, "https://suoqian.example", key);

/** Each event's properties, unfolded, by name (the first of each). */
function events(ics: string): Record<string, string>[] {
  return unfoldIcs(ics)
    .split("BEGIN:VEVENT\r\n")
    .slice(1)
    .map((block) =>
      Object.fromEntries(
        block
          .split("\r\n")
          .filter((line) => line.includes(":"))
          .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 1)]),
      ),
    );
}
const uids = (ics: string) => events(ics).map((e) => e.UID ?? "");

describe("a plan as a calendar file", () => {
  it("gives two different plans disjoint event ids, even with the same items", () => {
    const mine = uids(calendar(full, "cmtripmine00000000000001"));
    const theirs = uids(calendar(full, "cmtriptheirs000000000001"));
    expect(mine).toHaveLength(4);
    expect(new Set(mine).size).toBe(4);
    expect(mine.filter((uid) => theirs.includes(uid))).toEqual([]);
    expect(mine.every((uid) => uid.includes("cmtripmine00000000000001") && uid.endsWith("@suoqian"))).toBe(true);
  });

  it("gives the same plan the same ids on every download, whatever the order of its items", () => {
    const first = uids(calendar(full, "guest-plan_0123456789"));
    const again = uids(calendar(full, "guest-plan_0123456789"));
    expect(again).toEqual(first);
    const reordered = plan([...full.items].reverse());
    expect(new Set(uids(calendar(reordered, "guest-plan_0123456789")))).toEqual(new Set(first));
    // The id names the item, not its place in the list: dropping one leaves the others'.
    const fewer = plan(full.items.slice(1));
    expect(first).toEqual(expect.arrayContaining(uids(calendar(fewer, "guest-plan_0123456789"))));
  });

  it("keeps every line within 75 octets, and unfolding gives the text back", () => {
    for (const lang of ["zh", "en"] as const) {
      const ics = calendar(full, "cmtripmine00000000000001", lang);
      const lines = ics.split("\r\n");
      expect(lines.at(-1)).toBe("");
      for (const line of lines) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      expect(ics).not.toMatch(/\r\n\t/);
      expect(events(ics)[2]?.SUMMARY).toBe(lang === "zh" ? "祥里王樱桃" : "Xiangliwang cherries");
    }
    const zh = calendar(full, "cmtripmine00000000000001");
    // The pickup's place is long enough to fold in Chinese.
    expect(unfoldIcs(zh)).toContain("LOCATION:祥里王樱桃与红美人共富工坊，祥里王村，杭州市萧山区所前镇\r\n");
  });

  it("puts each event at a place: the festival's venue, the workshop's address, the route's first stop", () => {
    const [sessionEvent, routeEvent, pickup] = events(calendar(full, "cmtripmine00000000000001"));
    expect(sessionEvent?.LOCATION).toBe("杜家村杨梅园");
    expect(sessionEvent?.LOCATION).not.toContain("上午场");
    expect(sessionEvent?.GEO).toBe(`${DUJIA.lat};${DUJIA.lng}`);
    expect(routeEvent?.LOCATION).toBe("王华燕纪念馆，杭州市萧山区所前镇");
    expect(pickup?.LOCATION).toBe("祥里王樱桃与红美人共富工坊，祥里王村，杭州市萧山区所前镇");
    expect(pickup?.LOCATION).not.toMatch(/9:00|周二/);
    const en = events(calendar(full, "cmtripmine00000000000001", "en"));
    expect(en[0]?.LOCATION).toBe("Dujia bayberry orchards");
    expect(en[2]?.LOCATION).toBe(
      "Xiangliwang cherry and citrus workshop\\, 祥里王村\\, Suoqian\\, Xiaoshan District\\, Hangzhou",
    );
    expect(en[2]?.LOCATION).not.toContain("Tuesday");
  });

  it("tells a second pickup of the same thing on the same day apart", () => {
    const [, , first, second] = uids(calendar(full, "cmtripmine00000000000001"));
    expect(first).toBe(`trip-cmtripmine00000000000001-pickup-${product.id}-${DAY}@suoqian`);
    expect(second).toBe(`trip-cmtripmine00000000000001-pickup-${product.id}-${DAY}#2@suoqian`);
  });

  it("is an empty calendar for a plan with nothing in it", () => {
    expect(calendar(plan([]), "cmtripmine00000000000001")).toBe(
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:suoqian\r\nEND:VCALENDAR\r\n",
    );
  });
});
