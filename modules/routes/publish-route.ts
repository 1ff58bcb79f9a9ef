import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { type AuditActor, changedFields, recordAudit } from "@/modules/audit/record-audit";

/**
 * Publishes or withdraws a route; returns its slug for cache revalidation. The
 * change and its audit entry commit together.
 */
export async function setRoutePublished(actor: AuditActor, id: string, published: boolean): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const route = await tx.route.findUnique({
      where: { id },
      select: { slug: true, status: true, _count: { select: { stops: true } } },
    });
    if (!route) throw new UserError("errors.notFound");
    if (published && route._count.stops < 2) throw new UserError("validation.route.minStops");
    const status = published ? "PUBLISHED" : "DRAFT";
    await tx.route.update({
      where: { id },
      data: published ? { status, publishedAt: new Date() } : { status },
    });
    await recordAudit(tx, actor, {
      action: published ? "route.publish" : "route.unpublish",
      entityType: "route",
      entityId: id,
      changes: changedFields({ status: route.status }, { status }, ["status"]),
    });
    return { slug: route.slug };
  });
}
