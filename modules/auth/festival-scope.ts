import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "./session";

// Organisers see and change only the festivals they run (FestivalOrganiser);
// admins see all. Pages answer 404 for anything else, so ids cannot be probed.

/** The festivals this user may manage, as a Prisma filter. */
export function managedFestivals(user: Pick<CurrentUser, "id" | "role">) {
  return user.role === "ADMIN" ? {} : { organisers: { some: { userId: user.id } } };
}

export async function findManagedFestival(user: Pick<CurrentUser, "id" | "role">, slug: string) {
  return db.festival.findFirst({
    where: { slug, ...managedFestivals(user) },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      startsOn: true,
      endsOn: true,
      status: true,
      cancellationCutoffHours: true,
    },
  });
}

/**
 * The festivals a back-office user may act on, as data: every one for an admin,
 * otherwise the ids of those they organise. Reads and writes about bookings put it
 * in their `where`, ticket by ticket, so an order holding tickets of two festivals
 * shows and changes for each organiser only their own part.
 */
export type FestivalScope = { all: true } | { all: false; festivalIds: string[] };

export async function festivalScope(user: Pick<CurrentUser, "id" | "role">): Promise<FestivalScope> {
  if (user.role === "ADMIN") return { all: true };
  if (user.role !== "ORGANISER") return { all: false, festivalIds: [] };
  const links = await db.festivalOrganiser.findMany({ where: { userId: user.id }, select: { festivalId: true } });
  return { all: false, festivalIds: links.map((l) => l.festivalId) };
}

/** A Prisma filter on a session (or anything with a festivalId) for the scope. */
export function sessionsIn(scope: FestivalScope): { festivalId?: { in: string[] } } {
  return scope.all ? {} : { festivalId: { in: scope.festivalIds } };
}

export function inScope(scope: FestivalScope, festivalId: string): boolean {
  return scope.all || scope.festivalIds.includes(festivalId);
}

/**
 * The festivals of the order's lines that fall within the scope, or null when the
 * order is not theirs at all (or does not exist). An admin gets every festival of
 * the order, and an empty list for an order of workshop products only.
 */
export async function scopedFestivalsOfOrder(scope: FestivalScope, orderId: string): Promise<string[] | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: { items: { where: { session: sessionsIn(scope) }, select: { session: { select: { festivalId: true } } } } },
  });
  if (!order) return null;
  const festivals = [...new Set(order.items.flatMap((i) => (i.session ? [i.session.festivalId] : [])))];
  if (!scope.all && festivals.length === 0) return null;
  return festivals;
}

/** Whether the order holds a ticket for a festival this user manages (any order, for an admin). */
export async function canManageOrder(user: Pick<CurrentUser, "id" | "role">, orderId: string): Promise<boolean> {
  // Admins see every order, also those with workshop products only.
  if (user.role === "ADMIN") return (await db.order.count({ where: { id: orderId } })) === 1;
  const found = await db.orderItem.findFirst({
    where: { orderId, session: { festival: managedFestivals(user) } },
    select: { id: true },
  });
  return found !== null;
}

/** The organiser's festivals (all of them for an admin), soonest first. */
export function listManagedFestivals(user: Pick<CurrentUser, "id" | "role">) {
  return db.festival.findMany({
    where: managedFestivals(user),
    orderBy: { startsOn: "asc" },
    select: { id: true, slug: true, nameZh: true, nameEn: true, startsOn: true, endsOn: true, status: true },
  });
}
