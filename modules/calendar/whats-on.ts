import type { Bilingual } from "@/lib/localized";
import type { CategorySlug } from "@/modules/routes/categories";
import { addMonths, type DateKey, dateKey, dateKeyOf, daysInMonth, type Month, monthRange, parseMonth } from "./month";

// What is on in Suoqian, by day: festival days with their sessions and seats left, and
// the picking seasons (picking routes' best months, produce harvest windows). Pure: the
// calendar page and the home page's season strip build from the same catalogue reads.

export type CalendarSession = {
  id: string;
  startsAt: string;
  endsAt: string;
  label: Bilingual | null;
  /** Seats left now (capacity − reserved), read live. */
  seatsLeft: number;
};
export type CalendarFestival = { slug: string; name: Bilingual; sessions: readonly CalendarSession[] };
export type CalendarRoute = { slug: string; category: CategorySlug; title: Bilingual; months: readonly number[] };
/** The harvest window as the shop's read model carries it: ISO instants, availableUntil exclusive. */
export type CalendarProduct = {
  slug: string;
  name: Bilingual;
  availableFrom: string | null;
  availableUntil: string | null;
};

export type Catalogue = {
  festivals: readonly CalendarFestival[];
  routes: readonly CalendarRoute[];
  products: readonly CalendarProduct[];
};

/** What the season strip needs: the same catalogue, festivals without seats. */
export type SeasonCatalogue = Omit<Catalogue, "festivals"> & {
  festivals: readonly { slug: string; name: Bilingual; sessions: readonly { startsAt: string }[] }[];
};

export type SessionStatus = "open" | "soldOut" | "over";
export type SessionEntry = CalendarSession & { status: SessionStatus };
export type FestivalDay = {
  slug: string;
  href: string;
  name: Bilingual;
  sessions: SessionEntry[];
  /** open while any session can still be booked; soldOut when none can and some sold out; else over. */
  status: SessionStatus;
};

/** A season's whole extent: a run of months (a route), or a date window with open ends (a product). */
export type SeasonSpan =
  | { kind: "months"; from: number; to: number; allYear: boolean }
  | { kind: "dates"; from: DateKey | null; to: DateKey | null };

export type SeasonEntry = {
  id: string;
  kind: "route" | "product";
  slug: string;
  href: string;
  name: Bilingual;
  span: SeasonSpan;
  /** The days of the shown month it covers. */
  firstDay: number;
  lastDay: number;
};

export type CalendarDay = {
  date: DateKey;
  day: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  festivals: FestivalDay[];
  /** Ids of the seasons running that day (see WhatsOn.seasons). */
  seasons: string[];
};

export type WhatsOn = { month: Month; days: CalendarDay[]; seasons: SeasonEntry[] };

export const festivalHref = (slug: string) => `/festivals/${slug}`;
export const routeHref = (slug: string) => `/routes/${slug}`;
export const productHref = (slug: string) => `/shop/products/${slug}`;

const dayOf = (key: DateKey) => Number(key.slice(8, 10));

function sessionStatus(session: CalendarSession, now: Date): SessionStatus {
  if (new Date(session.startsAt) <= now) return "over";
  return session.seatsLeft > 0 ? "open" : "soldOut";
}

function dayStatus(sessions: readonly SessionEntry[]): SessionStatus {
  if (sessions.some((s) => s.status === "open")) return "open";
  return sessions.some((s) => s.status === "soldOut") ? "soldOut" : "over";
}

/** The run of consecutive months (across New Year) around `month`, or null when it is not one of them. */
function monthRun(months: readonly number[], month: number): SeasonSpan | null {
  const set = new Set(months.filter((m) => Number.isInteger(m) && m >= 1 && m <= 12));
  if (!set.has(month)) return null;
  if (set.size === 12) return { kind: "months", from: 1, to: 12, allYear: true };
  const previous = (m: number) => ((m + 10) % 12) + 1;
  const following = (m: number) => (m % 12) + 1;
  let from = month;
  while (set.has(previous(from))) from = previous(from);
  let to = month;
  while (set.has(following(to))) to = following(to);
  return { kind: "months", from, to, allYear: false };
}

/** A product's harvest window as Suoqian dates (last day included), or null without one. */
function harvestSpan(p: CalendarProduct): { from: DateKey | null; to: DateKey | null } | null {
  if (!p.availableFrom && !p.availableUntil) return null;
  const from = p.availableFrom ? dateKeyOf(new Date(p.availableFrom)) : null;
  // The window closes at availableUntil, so its last day is the one just before that instant.
  const to = p.availableUntil ? dateKeyOf(new Date(Date.parse(p.availableUntil) - 1)) : null;
  if (from && to && to < from) return null;
  return { from, to };
}

/** The part of [from, to] (open ends allowed) inside [first, last], or null when they do not meet. */
function overlap(from: DateKey | null, to: DateKey | null, first: DateKey, last: DateKey) {
  if ((from ?? first) > last || (to ?? last) < first) return null;
  return { first: from && from > first ? from : first, last: to && to < last ? to : last };
}

const monthBounds = (m: Month): [DateKey, DateKey] => [
  dateKey(m.year, m.month, 1),
  dateKey(m.year, m.month, daysInMonth(m)),
];

function seasonsOf(catalogue: SeasonCatalogue, month: Month): SeasonEntry[] {
  const [first, last] = monthBounds(month);
  const entries: SeasonEntry[] = [];
  for (const r of catalogue.routes) {
    if (r.category !== "picking") continue;
    const span = monthRun(r.months, month.month);
    if (!span) continue;
    const slug = r.slug;
    entries.push({
      id: `route:${slug}`,
      kind: "route",
      slug,
      href: routeHref(slug),
      name: r.title,
      span,
      firstDay: 1,
      lastDay: dayOf(last),
    });
  }
  for (const p of catalogue.products) {
    const window = harvestSpan(p);
    const part = window && overlap(window.from, window.to, first, last);
    if (!window || !part) continue;
    entries.push({
      id: `product:${p.slug}`,
      kind: "product",
      slug: p.slug,
      href: productHref(p.slug),
      name: p.name,
      span: { kind: "dates", ...window },
      firstDay: dayOf(part.first),
      lastDay: dayOf(part.last),
    });
  }
  // Stable: earliest start first, routes before produce on the same day, else as given.
  return entries.sort((a, b) => a.firstDay - b.firstDay || (a.kind === b.kind ? 0 : a.kind === "route" ? -1 : 1));
}

/** Every day of the month with its festival days and the seasons running. */
export function buildWhatsOn(catalogue: Catalogue, month: Month, now: Date): WhatsOn {
  const { start, end } = monthRange(month);
  const byDay = new Map<DateKey, FestivalDay[]>();
  for (const f of catalogue.festivals) {
    const sessions = new Map<DateKey, SessionEntry[]>();
    for (const s of [...f.sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))) {
      const startsAt = new Date(s.startsAt);
      if (startsAt < start || startsAt >= end) continue;
      const key = dateKeyOf(startsAt);
      sessions.set(key, [...(sessions.get(key) ?? []), { ...s, status: sessionStatus(s, now) }]);
    }
    for (const [key, list] of sessions) {
      const day: FestivalDay = {
        slug: f.slug,
        href: festivalHref(f.slug),
        name: f.name,
        sessions: list,
        status: dayStatus(list),
      };
      byDay.set(key, [...(byDay.get(key) ?? []), day]);
    }
  }
  const seasons = seasonsOf(catalogue, month);
  const firstStart = (d: FestivalDay) => Date.parse(d.sessions[0]?.startsAt ?? "");
  const days: CalendarDay[] = [];
  for (let day = 1; day <= daysInMonth(month); day++) {
    const date = dateKey(month.year, month.month, day);
    days.push({
      date,
      day,
      weekday: new Date(Date.UTC(month.year, month.month - 1, day)).getUTCDay(),
      festivals: (byDay.get(date) ?? []).sort((a, b) => firstStart(a) - firstStart(b)),
      seasons: seasons.filter((s) => s.firstDay <= day && day <= s.lastDay).map((s) => s.id),
    });
  }
  return { month, days, seasons };
}

/** The days in weeks from Monday to Sunday; the days of other months are null. */
export function weeksOf(days: readonly CalendarDay[]): (CalendarDay | null)[][] {
  const first = days[0];
  if (!first) return [];
  const cells: (CalendarDay | null)[] = [...Array<null>((first.weekday + 6) % 7).fill(null), ...days];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The month to show: the URL's ?month=YYYY-MM when it is one, else the given current month. */
export function monthToShow(param: unknown, current: Month): Month {
  return parseMonth(param) ?? current;
}

export type StripItem = {
  id: string;
  kind: "festival" | "route" | "product";
  href: string;
  name: Bilingual;
  span: SeasonSpan;
};

/**
 * What is in season in `count` months from `from` (the home page's strip): festivals
 * with days in them, picking routes whose best months include one, produce whose
 * harvest window meets them. Festivals first, then routes, then produce, each by start.
 */
export function inSeason(catalogue: SeasonCatalogue, from: Month, count = 2): StripItem[] {
  const [first] = monthBounds(from);
  const [, last] = monthBounds(addMonths(from, count - 1));
  const months = Array.from({ length: count }, (_, i) => addMonths(from, i).month);
  const ranked: { item: StripItem; starts: DateKey }[] = [];
  for (const f of catalogue.festivals) {
    const dates = f.sessions.map((s) => dateKeyOf(new Date(s.startsAt))).sort();
    const span = { kind: "dates" as const, from: dates[0] ?? null, to: dates.at(-1) ?? null };
    const part = span.from && overlap(span.from, span.to, first, last);
    if (!part) continue;
    const item: StripItem = {
      id: `festival:${f.slug}`,
      kind: "festival",
      href: festivalHref(f.slug),
      name: f.name,
      span,
    };
    ranked.push({ item, starts: part.first });
  }
  for (const r of catalogue.routes) {
    if (r.category !== "picking") continue;
    const index = months.findIndex((m) => r.months.includes(m));
    const span = index >= 0 ? monthRun(r.months, months[index] ?? 0) : null;
    if (!span) continue;
    const item: StripItem = { id: `route:${r.slug}`, kind: "route", href: routeHref(r.slug), name: r.title, span };
    ranked.push({ item, starts: monthBounds(addMonths(from, index))[0] });
  }
  for (const p of catalogue.products) {
    const window = harvestSpan(p);
    const part = window && overlap(window.from, window.to, first, last);
    if (!window || !part) continue;
    const span: SeasonSpan = { kind: "dates", ...window };
    ranked.push({
      item: { id: `product:${p.slug}`, kind: "product", href: productHref(p.slug), name: p.name, span },
      starts: part.first,
    });
  }
  const order = { festival: 0, route: 1, product: 2 };
  return ranked
    .sort((a, b) => order[a.item.kind] - order[b.item.kind] || a.starts.localeCompare(b.starts))
    .map((r) => r.item);
}
