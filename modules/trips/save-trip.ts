import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { parseClock } from "./evaluate";
import type { TripInputParsed } from "./schemas";

// Writing plans: the references are checked against the published catalogue
// (an unknown route, session or product is a field error), and the items are
// written in one transaction with the plan.

/** The most plans one account keeps. */
export const MAX_TRIPS_PER_ACCOUNT = 50;

async function itemRows(input: TripInputParsed) {
  const slugs = [...new Set(input.items.flatMap((i) => (i.kind === "route" ? [i.slug] : [])))];
  const sessionIds = [...new Set(input.items.flatMap((i) => (i.kind === "session" ? [i.sessionId] : [])))];
  const productIds = [...new Set(input.items.flatMap((i) => (i.kind === "pickup" ? [i.productId] : [])))];
  const [routes, sessions, products] = await Promise.all([
    db.route.findMany({ where: { slug: { in: slugs }, status: "PUBLISHED" }, select: { id: true, slug: true } }),
    db.festivalSession.findMany({
      where: { id: { in: sessionIds }, festival: { status: "PUBLISHED" } },
      select: { id: true, festival: { select: { ticketTypes: { where: { active: true }, select: { id: true } } } } },
    }),
    db.product.findMany({
      where: { id: { in: productIds }, status: "PUBLISHED", farmer: { status: "APPROVED" } },
      select: { id: true },
    }),
  ]);
  const routeIds = new Map(routes.map((r) => [r.slug, r.id]));
  const sessionTypes = new Map(sessions.map((s) => [s.id, s.festival.ticketTypes.map((t) => t.id)]));
  const productSet = new Set(products.map((p) => p.id));
  const fields: Record<string, string> = {};
  const rows = input.items.map((item, position) => {
    const day = Math.max(0, input.days.indexOf(item.day));
    if (item.kind === "route") {
      const routeId = routeIds.get(item.slug);
      if (!routeId) fields[`items.${position}.slug`] = "trips.errors.unknownRoute";
      return { position, kind: "ROUTE" as const, day, startMinutes: parseClock(item.start), routeId: routeId ?? null };
    }
    if (item.kind === "session") {
      const types = sessionTypes.get(item.sessionId);
      if (!types) fields[`items.${position}.sessionId`] = "trips.errors.unknownSession";
      else if (item.ticketTypeId && !types.includes(item.ticketTypeId)) {
        fields[`items.${position}.ticketTypeId`] = "trips.errors.ticketType";
      }
      return {
        position,
        kind: "SESSION" as const,
        day,
        sessionId: item.sessionId,
        ticketTypeId: item.ticketTypeId ?? null,
        quantity: item.quantity ?? 1,
      };
    }
    if (!productSet.has(item.productId)) fields[`items.${position}.productId`] = "trips.errors.unknownProduct";
    return {
      position,
      kind: "PICKUP" as const,
      day,
      startMinutes: parseClock(item.start),
      productId: item.productId,
      quantity: item.quantity ?? 1,
    };
  });
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);
  return rows;
}

export async function createTrip(userId: string, input: TripInputParsed): Promise<{ id: string }> {
  const rows = await itemRows(input);
  return db.$transaction(async (tx) => {
    if ((await tx.tripPlan.count({ where: { userId } })) >= MAX_TRIPS_PER_ACCOUNT) {
      throw new UserError("trips.errors.tooMany", {}, { "": { max: MAX_TRIPS_PER_ACCOUNT } });
    }
    return tx.tripPlan.create({
      data: { userId, title: input.title, days: input.days, items: { create: rows } },
      select: { id: true },
    });
  });
}

/** Replaces a plan of the account's wholly; null when it is not theirs (or gone). */
export async function updateTrip(userId: string, id: string, input: TripInputParsed): Promise<{ id: string } | null> {
  const rows = await itemRows(input);
  return db.$transaction(async (tx) => {
    const claimed = await tx.tripPlan.updateMany({
      where: { id, userId },
      data: { title: input.title, days: input.days },
    });
    if (claimed.count !== 1) return null;
    await tx.tripPlanItem.deleteMany({ where: { tripId: id } });
    if (rows.length > 0) await tx.tripPlanItem.createMany({ data: rows.map((r) => ({ ...r, tripId: id })) });
    return { id };
  });
}

export async function deleteTrip(userId: string, id: string): Promise<boolean> {
  const deleted = await db.tripPlan.deleteMany({ where: { id, userId } });
  return deleted.count === 1;
}
