import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import { type AuditActor, changedFields, recordAudit } from "@/modules/audit/record-audit";
import { managedFestivals } from "@/modules/auth/festival-scope";
import { forgetSaleFacts } from "@/modules/inventory/sale-facts";

/**
 * Puts a festival on sale (PUBLISHED) or takes it back to a draft; returns its slug
 * for cache revalidation. Publishing needs an active ticket type and a session.
 * The change and its audit entry commit together.
 */
export async function setFestivalPublished(
  actor: AuditActor,
  id: string,
  published: boolean,
): Promise<{ slug: string }> {
  const slug = await db.$transaction(async (tx) => {
    const festival = await tx.festival.findFirst({
      where: { id, ...managedFestivals(actor) },
      select: {
        slug: true,
        status: true,
        _count: { select: { sessions: true, ticketTypes: { where: { active: true } } } },
      },
    });
    if (!festival) throw new UserError("errors.notFound");
    if (published && (festival._count.ticketTypes === 0 || festival._count.sessions === 0)) {
      throw new UserError("festivalEditor.errors.publishNeedsSales");
    }
    const status = published ? "PUBLISHED" : "DRAFT";
    await tx.festival.update({ where: { id }, data: { status } });
    await recordAudit(tx, actor, {
      action: published ? "festival.publish" : "festival.unpublish",
      entityType: "festival",
      entityId: id,
      festivalId: id,
      changes: changedFields({ status: festival.status }, { status }, ["status"]),
    });
    return festival.slug;
  });
  forgetSaleFacts();
  return { slug };
}
