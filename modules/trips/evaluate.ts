import { SHANGHAI_OFFSET_MS } from "@/lib/dates";
import { distanceMeters, type LngLat, travelMinutes as moveMinutes } from "@/lib/geo";
import type { Bilingual } from "@/lib/localized";
import { parseOpeningHours } from "./opening-hours";
import type {
  Point,
  TripFacts,
  TripInput,
  TripItemInput,
  TripItemView,
  TripView,
  TripWarning,
  WarningCode,
} from "./types";

// The planner's rules, pure: a plan and the catalogue's facts in, the timeline of
// each day and every warning out. The same code answers the page, the API and the
// share link, so they never disagree.

/** Minutes a pickup at a workshop takes. */
export const PICKUP_MINUTES = 20;
/** Roads wind: the distance driven is about this much longer than the straight line. */
const DETOUR = 1.3;
/** Parking and walking to the start, added to every drive. */
const PARKING_MINUTES = 5;

/** "09:30" → 570; null for anything else. */
export function parseClock(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  return h < 24 && m < 60 ? h * 60 + m : null;
}

/** 570 → "09:30". */
export function clock(minutes: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minutes)));
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** An instant as its Suoqian date ("2027-06-12") and minutes after midnight. */
export function wallClock(iso: string): { date: string; minutes: number } {
  const local = new Date(new Date(iso).getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), minutes: Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16)) };
}

/** The month (1–12) and weekday (0 = Sunday) of a calendar date. */
export function dateParts(date: string): { month: number; weekday: number } {
  const d = new Date(`${date}T00:00:00Z`);
  return { month: d.getUTCMonth() + 1, weekday: d.getUTCDay() };
}

/** Driving minutes between two places, or null when one is unknown. */
export function driveMinutes(a: Point | null, b: Point | null): number | null {
  if (!a || !b) return null;
  const meters = distanceMeters([a.lng, a.lat], [b.lng, b.lat]) * DETOUR;
  if (meters < 300) return 0;
  return moveMinutes(meters, "car") + PARKING_MINUTES;
}

const pointOf = ([lng, lat]: LngLat): Point => ({ lat, lng });

/** The town, as the end of an address. */
const TOWN = { zh: "杭州市萧山区所前镇", en: "Suoqian, Xiaoshan District, Hangzhou" } as const;

/** A place in the town as an address: its own names first, then the town. */
function address(zh: (string | null)[], en: (string | null)[]): Bilingual {
  return {
    zh: [...zh, TOWN.zh].filter(Boolean).join("，"),
    en: [...en, TOWN.en].filter(Boolean).join(", "),
  };
}

type Placed = TripItemView & { problems: WarningCode[] };

function place(item: TripItemInput, index: number, plan: TripInput, facts: TripFacts): Placed | null {
  const dayIndex = Math.max(0, plan.days.indexOf(item.day));
  const base = { index, input: item, dayIndex, travelMinutes: null, held: false, problems: [] as WarningCode[] };
  if (item.kind === "route") {
    const route = facts.routes.get(item.slug);
    const start = parseClock(item.start);
    if (!route || start === null) return null;
    const first = route.path[0];
    const last = route.path.at(-1);
    const problems: WarningCode[] = [];
    if (!route.months.includes(dateParts(item.day).month)) problems.push("out_of_season");
    return {
      ...base,
      problems,
      title: route.title,
      subtitle: null,
      location: route.startPlace ? address([route.startPlace.zh], [route.startPlace.en || route.startPlace.zh]) : null,
      href: `/routes/${route.slug}`,
      startMinutes: start,
      endMinutes: start + route.durationMinutes,
      from: first ? pointOf(first) : null,
      to: last ? pointOf(last) : null,
      path: route.path,
    };
  }
  if (item.kind === "session") {
    const session = facts.sessions.get(item.sessionId);
    if (!session) return null;
    const starts = wallClock(session.startsAt);
    const ends = wallClock(session.endsAt);
    const held = facts.heldSessionIds.has(session.id);
    const problems: WarningCode[] = [];
    if (starts.date !== item.day) problems.push("not_festival_day");
    if (!held && !session.onSale) problems.push("not_on_sale");
    else if (!held && session.remaining < Math.max(1, item.quantity ?? 1)) problems.push("sold_out");
    return {
      ...base,
      held,
      problems,
      title: session.festival.name,
      subtitle: session.label ?? session.festival.venue,
      location: session.festival.venue.zh || session.festival.venue.en ? session.festival.venue : null,
      href: `/festivals/${session.festival.slug}`,
      startMinutes: starts.minutes,
      endMinutes: ends.date === starts.date ? ends.minutes : 24 * 60,
      from: session.festival.point,
      to: session.festival.point,
      path: null,
    };
  }
  const product = facts.products.get(item.productId);
  const start = parseClock(item.start);
  if (!product || start === null) return null;
  const problems: WarningCode[] = [];
  const hours = parseOpeningHours(product.workshop.openingHours.zh, product.workshop.openingHours.en);
  const { weekday } = dateParts(item.day);
  if (
    hours &&
    (start < hours.opens || start + PICKUP_MINUTES > hours.closes || hours.closedWeekdays.includes(weekday))
  ) {
    problems.push("outside_hours");
  }
  const from = wallDate(product.availableFrom);
  const until = wallDate(product.availableUntil);
  if ((from && item.day < from) || (until && item.day > until)) problems.push("out_of_season");
  if (product.stock !== null && product.stock < Math.max(1, item.quantity ?? 1)) problems.push("sold_out");
  return {
    ...base,
    problems,
    title: product.name,
    // Where and when: the workshop and its opening hours as it writes them.
    subtitle: {
      zh: [product.workshop.name.zh, product.workshop.openingHours.zh].filter(Boolean).join(" · "),
      en: [product.workshop.name.en || product.workshop.name.zh, product.workshop.openingHours.en]
        .filter(Boolean)
        .join(" · "),
    },
    // Where to go: the workshop, its village and the town (never its hours).
    location: address(
      [product.workshop.name.zh, product.workshop.village],
      [product.workshop.name.en || product.workshop.name.zh, product.workshop.village],
    ),
    href: `/shop/products/${product.slug}`,
    startMinutes: start,
    endMinutes: start + PICKUP_MINUTES,
    from: product.workshop.point,
    to: product.workshop.point,
    path: null,
  };
}

/** An ISO instant's Suoqian date; harvest windows are stored as instants. */
function wallDate(iso: string | null): string {
  return iso ? wallClock(iso).date : "";
}

/**
 * The plan's timeline and warnings. `today` is Suoqian's current date, for the
 * warning that a day has passed.
 */
export function evaluateTrip(plan: TripInput, facts: TripFacts, today: string): TripView {
  const warnings: TripWarning[] = [];
  const add = (code: WarningCode, items: number[], minutes?: number) => {
    warnings.push(minutes === undefined ? { code, items } : { code, items, minutes });
  };
  const placed: Placed[] = [];
  plan.items.forEach((item, index) => {
    const p = place(item, index, plan, facts);
    if (!p) add("unknown_item", [index]);
    else placed.push(p);
  });
  for (const p of placed) for (const code of p.problems) add(code, [p.index]);
  plan.days.forEach((day, dayIndex) => {
    if (day < today) {
      const on = placed.filter((p) => p.dayIndex === dayIndex).map((p) => p.index);
      warnings.push({ code: "past_day", items: on, day });
    }
  });
  const byDay = plan.days.map((_, dayIndex) =>
    placed
      .filter((p) => p.dayIndex === dayIndex)
      .sort((a, b) => a.startMinutes - b.startMinutes || a.endMinutes - b.endMinutes || a.index - b.index),
  );
  for (const day of byDay) {
    for (let i = 0; i < day.length; i++) {
      for (let j = i + 1; j < day.length; j++) {
        const a = day[i] as Placed;
        const b = day[j] as Placed;
        if (b.startMinutes < a.endMinutes) add("overlap", [a.index, b.index]);
      }
    }
    for (let i = 1; i < day.length; i++) {
      const before = day[i - 1] as Placed;
      const item = day[i] as Placed;
      const drive = driveMinutes(before.to, item.from);
      item.travelMinutes = drive;
      if (drive !== null && item.startMinutes >= before.endMinutes && item.startMinutes < before.endMinutes + drive) {
        add("travel_time", [before.index, item.index], drive);
      }
    }
  }
  const items = byDay.flat().map(({ problems: _, ...view }) => view);
  return { title: plan.title, days: plan.days, items, warnings };
}
