import type { Locale } from "@/lib/i18n/routing";
import { pick } from "@/lib/localized";
import { type Availability, availabilityUrl, offerPrice, SCHEMA_ORG } from "@/lib/structured-data";
import type { ProductDto, ProductUnit } from "./product-queries";
import { seasonOf } from "./season";

export type ProductJsonLdContext = {
  locale: Locale;
  /** The page's own absolute URL. */
  url: string;
  now: Date;
  /** Absolute URLs of the product's photos. */
  images: string[];
  /** Absolute URL of the page's share card: the image of a product without photos. */
  shareCard: string;
  /** The category and the unit in the page's language ("水果", "斤"). */
  categoryLabel: string;
  unitLabel: string;
};

/** What one unit is, as UN/CEFACT codes: a jin is half a kilogram; a box and a portion are counted. */
const REFERENCE: Record<ProductUnit, { value: number; unitCode: string; named: boolean }> = {
  JIN: { value: 0.5, unitCode: "KGM", named: false },
  BOX: { value: 1, unitCode: "XBX", named: true },
  PORTION: { value: 1, unitCode: "C62", named: true },
};

/**
 * Availability from the harvest window, which the cached page knows: a pre-order before
 * it opens, out of stock once it has closed, else made to order or in stock. Live stock
 * is not in the cached page (GET /api/products/stock has it).
 */
export function productAvailability(product: ProductDto, now: Date): Availability {
  const season = seasonOf(product, now);
  if (season === "preorder") return "PreOrder";
  if (season === "over") return "OutOfStock";
  return product.madeToOrder ? "MadeToOrder" : "InStock";
}

/**
 * schema.org Product with one Offer: price per unit, currency, availability, the page's URL.
 * Always an image (a merchant listing needs one): the photos, else the drawn share card.
 */
export function productJsonLd(product: ProductDto, context: ProductJsonLdContext) {
  const { locale, url, now, images, shareCard, categoryLabel, unitLabel } = context;
  const price = offerPrice(product.priceCents);
  const availability = productAvailability(product, now);
  const reference = REFERENCE[product.unit];
  const workshop = pick(product.workshop.name, locale);
  return {
    "@context": SCHEMA_ORG,
    "@type": "Product",
    name: pick(product.name, locale),
    description: pick(product.description, locale),
    sku: product.slug,
    category: categoryLabel,
    url,
    image: images.length > 0 ? images : [shareCard],
    brand: { "@type": "Brand", name: workshop },
    offers: {
      "@type": "Offer",
      price,
      priceCurrency: product.currency,
      availability: availabilityUrl(availability),
      ...(availability === "PreOrder" && product.availableFrom ? { availabilityStarts: product.availableFrom } : {}),
      ...(availability !== "OutOfStock" && product.availableUntil ? { availabilityEnds: product.availableUntil } : {}),
      priceSpecification: {
        "@type": "UnitPriceSpecification",
        price,
        priceCurrency: product.currency,
        referenceQuantity: {
          "@type": "QuantitativeValue",
          value: reference.value,
          unitCode: reference.unitCode,
          ...(reference.named ? { unitText: unitLabel } : {}),
        },
      },
      seller: { "@type": "Organization", name: workshop },
      url,
    },
  };
}
