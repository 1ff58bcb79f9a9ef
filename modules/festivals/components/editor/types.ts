import type { FestivalKindSlug } from "../../editor-values";

// The editor's state in the browser. Numbers are kept as typed (strings) so a field
// can be cleared while editing; the server parses and checks them on save.

export type EditorTicketType = {
  /** Stable key for React and reordering. */
  key: string;
  id?: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  /** Yuan as typed, e.g. "88" or "12.50". */
  price: string;
  admissions: string;
  maxPerOrder: string;
  active: boolean;
  /** Has orders: can be deactivated, not deleted. */
  sold: boolean;
};

export type EditorSession = {
  key: string;
  id?: string;
  /** Suoqian calendar date and wall-clock times: "2027-06-11", "08:00", "10:00". */
  date: string;
  start: string;
  end: string;
  capacity: string;
  labelZh: string;
  labelEn: string;
  /** Seats held or sold now (capacity may not go below it). */
  reserved: number;
  /** Has orders (even cancelled ones): cannot be deleted. */
  hasOrders: boolean;
};

export type EditorFestival = {
  id?: string;
  status: "DRAFT" | "PUBLISHED";
  slug: string;
  kind: FestivalKindSlug;
  nameZh: string;
  nameEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  venueZh: string;
  venueEn: string;
  placeId: string;
  startsOn: string;
  endsOn: string;
  salesStartAt: string;
  salesEndAt: string;
  cancellationCutoffHours: string;
  maxTicketsPerOrder: string;
  ticketTypes: EditorTicketType[];
  sessions: EditorSession[];
};

export type PlaceOption = { id: string; nameZh: string; nameEn: string };

export function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

export function emptyTicketType(): EditorTicketType {
  return {
    key: newKey(),
    nameZh: "",
    nameEn: "",
    descriptionZh: "",
    descriptionEn: "",
    price: "",
    admissions: "1",
    maxPerOrder: "10",
    active: true,
    sold: false,
  };
}

/** The payload the save action parses (see festivalInputSchema). */
export function toPayload(state: EditorFestival) {
  return {
    id: state.id,
    slug: state.slug,
    kind: state.kind,
    nameZh: state.nameZh,
    nameEn: state.nameEn,
    summaryZh: state.summaryZh,
    summaryEn: state.summaryEn,
    descriptionZh: state.descriptionZh,
    descriptionEn: state.descriptionEn,
    venueZh: state.venueZh,
    venueEn: state.venueEn,
    placeId: state.placeId,
    startsOn: state.startsOn,
    endsOn: state.endsOn,
    salesStartAt: state.salesStartAt,
    salesEndAt: state.salesEndAt,
    cancellationCutoffHours: state.cancellationCutoffHours,
    maxTicketsPerOrder: state.maxTicketsPerOrder,
    ticketTypes: state.ticketTypes.map((t) => ({
      id: t.id,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      descriptionZh: t.descriptionZh,
      descriptionEn: t.descriptionEn,
      price: t.price,
      admissions: t.admissions,
      maxPerOrder: t.maxPerOrder,
      active: t.active,
    })),
    sessions: state.sessions.map((s) => ({
      id: s.id,
      startsAt: `${s.date}T${s.start}`,
      endsAt: `${s.date}T${s.end}`,
      capacity: s.capacity,
      labelZh: s.labelZh,
      labelEn: s.labelEn,
    })),
  };
}
