import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { ProductEditor } from "@/modules/farmers/components/product-editor";
import { requireFarmerPage } from "@/modules/farmers/page-access";

export default async function NewProductPage({ params }: PageProps<"/[locale]/farmer/products/new">) {
  await enterLocale(params);
  await requireFarmerPage("products.manageOwn", "/farmer/products/new");
  const t = await getTranslations("farmerProducts");
  return (
    <>
      <PageTitle>{t("newTitle")}</PageTitle>
      <ProductEditor
        reserved={0}
        initial={{
          nameZh: "",
          nameEn: "",
          descriptionZh: "",
          descriptionEn: "",
          category: "FRUIT",
          unit: "JIN",
          price: "",
          madeToOrder: false,
          stock: "",
          availableFrom: "",
          availableUntil: "",
          pickupAtWorkshop: true,
          pickupAtFestival: false,
          delivery: false,
          deliveryFee: "",
          images: [],
        }}
      />
    </>
  );
}
