import "server-only";
import { db } from "@/lib/db";
import type { UsersFilter } from "./filter";

export const USERS_PAGE_SIZE = 50;

export function listUsers(take = 200) {
  return db.user.findMany({
    orderBy: { createdAt: "asc" },
    take,
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}

export async function getCatalogueCounts() {
  const [routes, festivals, workshops, products] = await Promise.all([
    db.route.count(),
    db.festival.count(),
    db.workshop.count(),
    db.product.count(),
  ]);
  return { routes, festivals, workshops, products };
}

function usersWhere(filter: UsersFilter) {
  const q = filter.q?.trim() ?? "";
  return {
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.state === "disabled" ? { disabledAt: { not: null } } : {}),
    ...(filter.state === "active" ? { disabledAt: null } : {}),
    // E-mails are stored in lower case.
    ...(q ? { OR: [{ email: { contains: q.toLowerCase() } }, { name: { contains: q } }] } : {}),
  };
}

/** For the admin's user page: the accounts matching the filter, newest first, one page at a time. */
export async function searchUsers(filter: UsersFilter) {
  const where = usersWhere(filter);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, createdAt: true, disabledAt: true },
    }),
  ]);
  return { total, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)), users };
}
