// Shapes of the demo seed. Data lives in data.ts; the runner (index.ts) writes it.
import type {
  Difficulty,
  FestivalKind,
  ProductCategory,
  ProductUnit,
  RouteCategory,
} from "../../generated/prisma/sqlite/enums";

/** Month/day in the festival's local calendar (Asia/Shanghai), year chosen at seed time. */
export type MonthDay = { month: number; day: number };

export type SeedRoute = {
  slug: string;
  category: RouteCategory;
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  gettingThereZh: string;
  gettingThereEn: string;
  difficulty: Difficulty;
  /** Best months, 1–12. */
  months: number[];
  /** Slugs from places.json ("id"), in visiting order; at least 2. */
  stops: { place: string; suggestedMinutes: number; noteZh?: string; noteEn?: string }[];
};

export type SeedWorkshop = {
  slug: string;
  nameZh: string;
  nameEn: string;
  storyZh: string;
  storyEn: string;
  village: string;
  /** Slug from places.json. */
  place: string;
  openingHoursZh: string;
  openingHoursEn: string;
  phone: string;
};

export type SeedFarmer = {
  email: string;
  name: string;
  displayName: string;
  village: string;
  phone: string;
  workshop: string;
};

export type SeedProduct = {
  slug: string;
  /** Email of a SeedFarmer. */
  farmer: string;
  workshop: string;
  category: ProductCategory;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  unit: ProductUnit;
  /** Integer fen (1 yuan = 100). */
  priceCents: number;
  /** null = made to order. */
  stock: number | null;
  /** Harvest window; omitted = available all year. */
  harvest?: { from: MonthDay; to: MonthDay };
  pickupAtWorkshop: boolean;
  pickupAtFestival: boolean;
  delivery: boolean;
  deliveryFeeCents: number;
};

export type SeedTicketType = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  priceCents: number;
  admissions: number;
  maxPerOrder: number;
};

export type SeedFestival = {
  slug: string;
  kind: FestivalKind;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  venueZh: string;
  venueEn: string;
  place: string;
  /** First and last day of the festival, in the next season that has not ended yet. */
  season: { from: MonthDay; to: MonthDay };
  /** Sessions are created on these weekdays (0 = Sunday … 6 = Saturday). */
  weekdays: number[];
  /** Daily timed sessions, local time "HH:MM". */
  sessions: { start: string; end: string; capacity: number; labelZh: string; labelEn: string }[];
  ticketTypes: SeedTicketType[];
  /** Sales open this many days before the first day and close at each session's start. */
  salesOpenDaysBefore: number;
  cancellationCutoffHours: number;
  maxTicketsPerOrder: number;
  /** The demo organiser (an account email) who runs it. */
  organiser: string;
};
