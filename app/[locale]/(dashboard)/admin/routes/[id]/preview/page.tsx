import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { requirePagePermission } from "@/modules/auth/session";
import { CategoryBadge } from "@/modules/routes/components/route-card";
import { RouteStops } from "@/modules/routes/components/route-stops";
import { findRouteForPreview } from "@/modules/routes/route-queries";

// How a draft will look to visitors; never cached, admins only.
export default async function PreviewRoutePage({ params }: PageProps<"/[locale]/admin/routes/[id]/preview">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  await requirePagePermission("routes.manage", `/admin/routes/${id}/preview`);
  const route = await findRouteForPreview(id);
  if (!route) notFound();
  const t = await getTranslations("adminRoutes");
  return (
    <article className="space-y-4">
      <Link href={`/admin/routes/${id}`} className="text-brand-700 text-sm underline">
        ← {t("edit")}
      </Link>
      <CategoryBadge category={route.category} />
      <h1 className="font-bold text-2xl">{pick(route.title, locale)}</h1>
      <p>{pick(route.summary, locale)}</p>
      <RouteStops route={route} tiles={env.tiles} />
    </article>
  );
}
