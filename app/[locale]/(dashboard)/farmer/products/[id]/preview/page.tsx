import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { UserError } from "@/lib/user-error";
import { approvedFarmer } from "@/modules/auth/farmer-scope";
import { can } from "@/modules/auth/permissions";
import { requirePagePermission } from "@/modules/auth/session";
import { FulfilmentList } from "@/modules/shop/components/fulfilment-list";
import { ProductPhoto } from "@/modules/shop/components/product-photo";
import { findProductForPreview } from "@/modules/shop/product-queries";

// Kept out of search engines and caches: only the product's farmer (and admins) see it.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/** Who may preview: an admin any product; a farmer only their own (another's is not found). */
async function previewScope(id: string): Promise<string | null> {
  const user = await requirePagePermission("account.view", `/farmer/products/${id}/preview`);
  if (can(user.role, "orders.viewAll")) return null;
  if (!can(user.role, "products.manageOwn")) forbidden();
  try {
    return (await approvedFarmer(user)).id;
  } catch (error) {
    if (error instanceof UserError) forbidden();
    throw error;
  }
}

/** A product as the shop will show it, listed or not, for its farmer to check before listing it. */
export default async function ProductPreviewPage({ params }: PageProps<"/[locale]/farmer/products/[id]/preview">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const product = await findProductForPreview(id, await previewScope(id));
  if (!product) notFound();
  const t = await getTranslations("farmerProducts");
  const ts = await getTranslations("shop");
  const name = pick(product.name, locale);
  const photo = product.images[0] ?? null;
  return (
    <article className="space-y-6" data-testid="product-preview">
      <nav className="text-sm">
        <Link href={`/farmer/products/${product.id}`} className="text-brand-700 underline">
          ← {t("backToEditor")}
        </Link>
      </nav>
      <p role="note" className="rounded-lg bg-amber-50 p-3 text-amber-900 text-sm">
        {t("previewNote")}
      </p>
      <PageTitle>{t("previewTitle", { name })}</PageTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <ProductPhoto
          image={photo}
          alt={photo?.alt ? pick(photo.alt, locale) : ts("product.photoOf", { name, index: 1 })}
          name={name}
          category={product.category}
          sizes="(min-width: 1024px) 480px, 100vw"
          eager
          className="aspect-[4/3] w-full rounded-xl"
        />
        <div className="space-y-3">
          <span className="text-sm text-stone-500">{ts(`categories.${product.category}`)}</span>
          <p className="font-semibold text-brand-700 text-xl" data-testid="product-price">
            {ts("pricePerUnit", {
              price: formatMoney(product.priceCents, product.currency, locale),
              unit: ts(`units.${product.unit}`),
            })}
          </p>
          {product.description.zh ? <p className="leading-relaxed">{pick(product.description, locale)}</p> : null}
        </div>
      </div>
      <section>
        <h2 className="mb-2 font-semibold text-lg">{ts("product.fulfilment")}</h2>
        <FulfilmentList product={product} />
      </section>
    </article>
  );
}
