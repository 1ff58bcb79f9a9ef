import type { LngLat } from "@/lib/geo";
import type { Bilingual } from "@/lib/localized";
import type { FulfilmentOptions } from "@/modules/inventory/fulfilment";

// A trip plan (行程) as the planner, the API and the browser's copy share it:
// plain JSON. Days are Suoqian calendar dates ("2027-06-12"); times are wall-clock
// "HH:MM" in Suoqian.

export type RouteItemInput = { kind: "route"; slug: string; day: string; start: string };
export type SessionItemInput = {
  kind: "session";
  sessionId: string;
  day: string;
  /** What "buy what this plan needs" puts in the basket; the festival's first ticket type when absent. */
  ticketTypeId?: string;
  quantity?: number;
};
export type PickupItemInput = { kind: "pickup"; productId: string; day: string; start: string; quantity?: number };
export type TripItemInput = RouteItemInput | SessionItemInput | PickupItemInput;

export type TripInput = { title: string; days: string[]; items: TripItemInput[] };

export type Point = { lat: number; lng: number };

export type RouteFact = {
  slug: string;
  title: Bilingual;
  durationMinutes: number;
  distanceMeters: number;
  months: number[];
  path: LngLat[];
  /** The name of its first stop's place, when it has stops. */
  startPlace: Bilingual | null;
};

export type TicketTypeFact = {
  id: string;
  name: Bilingual;
  priceCents: number;
  currency: string;
  admissions: number;
  maxPerOrder: number;
};

export type SessionFact = {
  id: string;
  startsAt: string;
  endsAt: string;
  label: Bilingual | null;
  remaining: number;
  /** Published, within the sales window, not yet started. */
  onSale: boolean;
  festival: {
    slug: string;
    name: Bilingual;
    venue: Bilingual;
    point: Point | null;
    maxTicketsPerOrder: number;
    ticketTypes: TicketTypeFact[];
  };
};

export type ProductFact = {
  id: string;
  slug: string;
  name: Bilingual;
  unit: "JIN" | "BOX" | "PORTION";
  priceCents: number;
  currency: string;
  /** Left to sell; null: made to order. */
  stock: number | null;
  availableFrom: string | null;
  availableUntil: string | null;
  pickupAtWorkshop: boolean;
  workshop: { slug: string; name: Bilingual; village: string | null; openingHours: Bilingual; point: Point | null };
};

/** What the planner knows of the catalogue: every published route, session and product. */
export type TripFacts = {
  routes: Map<string, RouteFact>;
  sessions: Map<string, SessionFact>;
  products: Map<string, ProductFact>;
  /** Sessions the buyer already holds a paid ticket for (no "sold out" for them, nothing to buy). */
  heldSessionIds: Set<string>;
};

export const WARNING_CODES = [
  "overlap",
  "travel_time",
  "sold_out",
  "not_on_sale",
  "outside_hours",
  "out_of_season",
  "not_festival_day",
  "unknown_item",
  "past_day",
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Something wrong with the plan: a code and the items it is about (their places in `items`). */
/** `day` (YYYY-MM-DD) names the day a warning is about, where it is about a day (past_day). */
export type TripWarning = { code: WarningCode; items: number[]; minutes?: number; day?: string };

/** One item as the timeline shows it. */
export type TripItemView = {
  index: number;
  input: TripItemInput;
  /** 0 or 1: which of the plan's days. */
  dayIndex: number;
  title: Bilingual;
  subtitle: Bilingual | null;
  /** Where it happens, as a calendar's LOCATION: a place or an address, never a time; null when unknown. */
  location: Bilingual | null;
  /** A page of this site about it. */
  href: string;
  startMinutes: number;
  endMinutes: number;
  /** Where it starts and ends (a route's first and last stop); null when unknown. */
  from: Point | null;
  to: Point | null;
  /** Driving time from the item before it on the same day, when there is one. */
  travelMinutes: number | null;
  /** For the map: the route's path. */
  path: LngLat[] | null;
  /** Holds a paid ticket for this session already. */
  held: boolean;
};

export type TripSuggestion =
  | { kind: "route"; slug: string; title: Bilingual; durationMinutes: number }
  | { kind: "session"; sessionId: string; title: Bilingual; startsAt: string; endsAt: string; remaining: number }
  | { kind: "pickup"; productId: string; title: Bilingual; workshop: Bilingual; distanceMeters: number | null };

export type TripView = {
  title: string;
  days: string[];
  items: TripItemView[];
  warnings: TripWarning[];
};

/** What the planner page can add to a plan (JSON from the server, for the browser). */
export type PlannerCatalogue = {
  routes: { slug: string; title: Bilingual; category: string; durationMinutes: number; months: number[] }[];
  festivals: {
    slug: string;
    name: Bilingual;
    maxTicketsPerOrder: number;
    ticketType: {
      id: string;
      name: Bilingual;
      priceCents: number;
      currency: string;
      admissions: number;
      maxPerOrder: number;
    } | null;
    sessions: { id: string; startsAt: string; endsAt: string; label: Bilingual | null }[];
  }[];
  products: {
    id: string;
    slug: string;
    name: Bilingual;
    unit: "JIN" | "BOX" | "PORTION";
    priceCents: number;
    currency: string;
    farmerId: string;
    availableFrom: string | null;
    availableUntil: string | null;
    fulfilment: FulfilmentOptions;
    workshop: { slug: string; name: Bilingual; openingHours: Bilingual };
  }[];
};
