import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { shanghaiDateTimeText } from "@/lib/dates";
import { enterLocale } from "@/lib/i18n/page";
import { localized } from "@/lib/localized";
import { formatYuan } from "@/lib/money";
import { ProductEditor } from "@/modules/farmers/components/product-editor";
import { ProductPublish } from "@/modules/farmers/components/product-publish";
import { requireFarmerPage } from "@/modules/farmers/page-access";
import { farmerProductForEditor } from "@/modules/farmers/product-queries";

const day = (date: Date | null) => (date ? shanghaiDateTimeText(date).slice(0, 10) : "");

export default async function EditProductPage({ params }: PageProps<"/[locale]/farmer/products/[id]">) {
  const locale = await enterLocale(params);
  const { id } = await params;
  const farmer = await requireFarmerPage("products.manageOwn", `/farmer/products/${id}`);
  const t = await getTranslations("farmerProducts");
  // Another farmer's product is answered as one that does not exist.
  const product = await farmerProductForEditor(farmer, id);
  if (!product) notFound();
  return (
    <>
      <PageTitle>{t("editTitle", { name: localized(product, "name", locale) })}</PageTitle>
      <ProductPublish id={product.id} slug={product.slug} published={product.status === "PUBLISHED"} />
      <ProductEditor
        reserved={product.reserved}
        initial={{
          id: product.id,
          nameZh: product.nameZh,
          nameEn: product.nameEn,
          descriptionZh: product.descriptionZh,
          descriptionEn: product.descriptionEn,
          category: product.category,
          unit: product.unit,
          price: formatYuan(product.priceCents),
          madeToOrder: product.stock === null,
          stock: product.stock === null ? "" : String(product.stock),
          availableFrom: day(product.availableFrom),
          // Stored as the end of the last day; the form shows that last day.
          availableUntil: product.availableUntil ? day(new Date(product.availableUntil.getTime() - 86_400_000)) : "",
          pickupAtWorkshop: product.pickupAtWorkshop,
          pickupAtFestival: product.pickupAtFestival,
          delivery: product.delivery,
          deliveryFee: product.deliveryFeeCents ? formatYuan(product.deliveryFeeCents) : "",
          images: product.images.map((i) => ({ url: i.path, width: i.width, height: i.height })),
        }}
      />
    </>
  );
}
