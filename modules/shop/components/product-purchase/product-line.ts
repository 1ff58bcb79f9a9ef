import type { ProductLine } from "@/modules/basket/basket";
import type { ProductDto } from "../../product-queries";
import type { Season } from "../../season";

/** The basket line for a quantity of the product: a pre-order carries the date it becomes available. */
export function productLine(product: ProductDto, quantity: number, maxPerOrder: number, season: Season): ProductLine {
  return {
    kind: "product",
    productId: product.id,
    quantity,
    product: {
      slug: product.slug,
      name: product.name,
      unit: product.unit,
      priceCents: product.priceCents,
      currency: product.currency,
      farmerId: product.farmer.id,
      maxPerOrder,
      availableFrom: season === "preorder" ? product.availableFrom : null,
      fulfilment: product.fulfilment,
    },
    workshop: {
      slug: product.workshop.slug,
      name: product.workshop.name,
      openingHours: product.workshop.openingHours,
    },
  };
}
