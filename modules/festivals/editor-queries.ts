import "server-only";
import { shanghaiDateKey, wallTime } from "@/lib/dates";
import { db } from "@/lib/db";
import { formatYuan } from "@/lib/money";
import { managedFestivals } from "@/modules/auth/festival-scope";
import type { CurrentUser } from "@/modules/auth/session";
import type { EditorFestival } from "./components/editor/types";
import type { FestivalKindSlug } from "./editor-values";

// Reads for the festival editor: drafts included, never cached, and only festivals
// the user may manage (an organiser's own, or any for an admin).

type Manager = Pick<CurrentUser, "id" | "role">;

export function listPlacesForFestivalEditor() {
  return db.place.findMany({ orderBy: { nameZh: "asc" }, select: { id: true, nameZh: true, nameEn: true } });
}

const clock = (instant: Date) => wallTime(instant).slice(11);

export async function getFestivalForEditor(user: Manager, where: { slug: string } | { id: string }) {
  const f = await db.festival.findFirst({
    where: { ...where, ...managedFestivals(user) },
    include: {
      ticketTypes: {
        orderBy: { position: "asc" },
        include: { _count: { select: { items: true, tickets: true } } },
      },
      sessions: {
        orderBy: [{ startsAt: "asc" }, { endsAt: "asc" }],
        include: { _count: { select: { items: true, pickupItems: true, tickets: true, holds: true } } },
      },
    },
  });
  if (!f) return null;
  const festival: EditorFestival & { id: string } = {
    id: f.id,
    status: f.status,
    slug: f.slug,
    kind: f.kind.toLowerCase() as FestivalKindSlug,
    nameZh: f.nameZh,
    nameEn: f.nameEn,
    summaryZh: f.summaryZh,
    summaryEn: f.summaryEn,
    descriptionZh: f.descriptionZh,
    descriptionEn: f.descriptionEn,
    venueZh: f.venueZh,
    venueEn: f.venueEn,
    placeId: f.placeId ?? "",
    startsOn: shanghaiDateKey(f.startsOn),
    endsOn: shanghaiDateKey(f.endsOn),
    salesStartAt: wallTime(f.salesStartAt),
    salesEndAt: wallTime(f.salesEndAt),
    cancellationCutoffHours: String(f.cancellationCutoffHours),
    maxTicketsPerOrder: String(f.maxTicketsPerOrder),
    ticketTypes: f.ticketTypes.map((t) => ({
      key: t.id,
      id: t.id,
      nameZh: t.nameZh,
      nameEn: t.nameEn,
      descriptionZh: t.descriptionZh,
      descriptionEn: t.descriptionEn,
      price: formatYuan(t.priceCents),
      admissions: String(t.admissions),
      maxPerOrder: String(t.maxPerOrder),
      active: t.active,
      sold: t._count.items + t._count.tickets > 0,
    })),
    sessions: f.sessions.map((s) => ({
      key: s.id,
      id: s.id,
      date: shanghaiDateKey(s.startsAt),
      start: clock(s.startsAt),
      end: clock(s.endsAt),
      capacity: String(s.capacity),
      labelZh: s.labelZh ?? "",
      labelEn: s.labelEn ?? "",
      reserved: s.reserved,
      hasOrders: s.reserved > 0 || Object.values(s._count).some((n) => n > 0),
    })),
  };
  return festival;
}
