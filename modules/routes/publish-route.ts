import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";

/** Publishes or withdraws a route; returns its slug for cache revalidation. */
export async function setRoutePublished(id: string, published: boolean): Promise<{ slug: string }> {
  const route = await db.route.findUnique({
    where: { id },
    select: { slug: true, _count: { select: { stops: true } } },
  });
  if (!route) throw new UserError("errors.notFound");
  if (published && route._count.stops < 2) throw new UserError("validation.route.minStops");
  await db.route.update({
    where: { id },
    data: published ? { status: "PUBLISHED", publishedAt: new Date() } : { status: "DRAFT" },
  });
  return { slug: route.slug };
}
