import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Link } from "@/lib/i18n/navigation";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { formatMoney } from "@/lib/money";
import { ProductPublish } from "@/modules/farmers/components/product-publish";
import { requireFarmerPage } from "@/modules/farmers/page-access";
import { farmerProducts } from "@/modules/farmers/product-queries";
import { imageSources } from "@/modules/media/images";

export default async function FarmerProductsPage({ params }: PageProps<"/[locale]/farmer/products">) {
  const locale = await enterLocale(params);
  const farmer = await requireFarmerPage("products.manageOwn", "/farmer/products");
  const t = await getTranslations("farmerProducts");
  const products = await farmerProducts(farmer);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <Link href="/farmer/products/new" className="inline-block rounded-lg bg-brand-600 px-3 py-2 text-white">
        {t("newProduct")}
      </Link>
      {products.length === 0 ? <p className="text-stone-600">{t("empty")}</p> : null}
      <ul className="space-y-3">
        {products.map((p) => {
          const cover = p.images[0]?.path;
          return (
            <li key={p.id} className="flex gap-3 rounded-xl bg-white p-3 shadow-sm" data-product={p.slug}>
              {cover ? (
                // biome-ignore lint/performance/noImgElement: stored uploads carry their own widths (srcSet)
                <img
                  {...imageSources(cover, "80px")}
                  alt=""
                  loading="lazy"
                  className="h-20 w-20 shrink-0 rounded-lg object-cover"
                />
              ) : (
                <div className="h-20 w-20 shrink-0 rounded-lg bg-stone-100" />
              )}
              <div className="min-w-0 flex-1 space-y-1">
                <p className="font-medium">{localized(p, "name", locale)}</p>
                <p className="text-sm text-stone-600">
                  {formatMoney(p.priceCents, p.currency, locale)} / {t(`units.${p.unit}`)} ·{" "}
                  {p.stock === null
                    ? t("madeToOrderShort")
                    : t("left", { left: p.stock - p.reserved, reserved: p.reserved })}
                </p>
                <Link href={`/farmer/products/${p.id}`} className="inline-block text-brand-700 text-sm underline">
                  {t("edit")}
                </Link>
                <ProductPublish id={p.id} slug={p.slug} published={p.status === "PUBLISHED"} />
              </div>
            </li>
          );
        })}
      </ul>
    </>
  );
}
