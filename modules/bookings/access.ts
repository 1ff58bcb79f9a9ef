import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/modules/auth/session";

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
