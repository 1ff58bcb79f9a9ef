import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import type { CurrentUser } from "@/modules/auth/session";
import { managedFestivals } from "@/modules/bookings/access";
import { forgetSaleFacts } from "@/modules/orders/sale-facts";

/**
 * Puts a festival on sale (PUBLISHED) or takes it back to a draft; returns its slug
 * for cache revalidation. Publishing needs an active ticket type and a session.
 */
export async function setFestivalPublished(
  user: Pick<CurrentUser, "id" | "role">,
  id: string,
  published: boolean,
): Promise<{ slug: string }> {
  const festival = await db.festival.findFirst({
    where: { id, ...managedFestivals(user) },
    select: {
      slug: true,
      _count: { select: { sessions: true, ticketTypes: { where: { active: true } } } },
    },
  });
  if (!festival) throw new UserError("errors.notFound");
  if (published && (festival._count.ticketTypes === 0 || festival._count.sessions === 0)) {
    throw new UserError("festivalEditor.errors.publishNeedsSales");
  }
  await db.festival.update({ where: { id }, data: { status: published ? "PUBLISHED" : "DRAFT" } });
  forgetSaleFacts();
  return { slug: festival.slug };
}
