import "server-only";
import { db } from "@/lib/db";
import { clock } from "./evaluate";
import type { TripInput, TripItemInput } from "./types";

// Reading plans. Every read of an account's plan names the owner in its `where`:
// another visitor's plan is "not found", never "forbidden".

export type TripRecord = TripInput & { id: string; shareToken: string | null; updatedAt: Date };

const include = {
  items: {
    orderBy: { position: "asc" as const },
    select: {
      kind: true,
      day: true,
      startMinutes: true,
      sessionId: true,
      productId: true,
      ticketTypeId: true,
      quantity: true,
      route: { select: { slug: true } },
    },
  },
};

type Row = {
  id: string;
  title: string;
  days: unknown;
  shareToken: string | null;
  updatedAt: Date;
  items: {
    kind: "ROUTE" | "SESSION" | "PICKUP";
    day: number;
    startMinutes: number | null;
    sessionId: string | null;
    productId: string | null;
    ticketTypeId: string | null;
    quantity: number;
    route: { slug: string } | null;
  }[];
};

function toRecord(row: Row): TripRecord {
  const days = Array.isArray(row.days) ? row.days.filter((d): d is string => typeof d === "string") : [];
  const items = row.items.flatMap((item): TripItemInput[] => {
    const day = days[item.day] ?? days[0] ?? "";
    const start = clock(item.startMinutes ?? 9 * 60);
    if (item.kind === "ROUTE") return item.route ? [{ kind: "route", slug: item.route.slug, day, start }] : [];
    if (item.kind === "SESSION") {
      return item.sessionId
        ? [
            {
              kind: "session",
              sessionId: item.sessionId,
              day,
              quantity: item.quantity,
              ...(item.ticketTypeId ? { ticketTypeId: item.ticketTypeId } : {}),
            },
          ]
        : [];
    }
    return item.productId ? [{ kind: "pickup", productId: item.productId, day, start, quantity: item.quantity }] : [];
  });
  return { id: row.id, title: row.title, days, items, shareToken: row.shareToken, updatedAt: row.updatedAt };
}

/** The account's plans, the most recently changed first. */
export async function listTrips(userId: string): Promise<TripRecord[]> {
  const rows = await db.tripPlan.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, include, take: 100 });
  return rows.map(toRecord);
}

/** One plan of the account's, or null (also for another account's plan). */
export async function findTrip(userId: string, id: string): Promise<TripRecord | null> {
  const row = await db.tripPlan.findFirst({ where: { id, userId }, include });
  return row ? toRecord(row) : null;
}

/** A plan by its share link, read-only. */
export async function findSharedTrip(token: string): Promise<TripRecord | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const row = await db.tripPlan.findUnique({ where: { shareToken: token }, include });
  return row ? toRecord(row) : null;
}
