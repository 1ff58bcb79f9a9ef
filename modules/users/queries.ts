import "server-only";
import { db } from "@/lib/db";

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
