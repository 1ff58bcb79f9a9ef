import "server-only";
import type { Prisma } from "@/generated/prisma/sqlite/client";
import { db } from "@/lib/db";
import type { Bilingual } from "@/lib/localized";
import type { FulfilmentOptions } from "@/modules/inventory/fulfilment";

// The shop's read models. They carry no stock: stock changes with every order,
// so it is read live (findStock) beside these cached lists, never cached with them.

export type ProductCategory = "FRUIT" | "TEA" | "BAMBOO" | "PRESERVES" | "PREPARED" | "OTHER";
export type ProductUnit = "JIN" | "BOX" | "PORTION";

export type ProductImageDto = { url: string; width: number; height: number; alt: Bilingual | null };

export type ProductDto = {
  id: string;
  slug: string;
  category: ProductCategory;
  name: Bilingual;
  description: Bilingual;
  unit: ProductUnit;
  priceCents: number;
  currency: string;
  /** No stock count: made when ordered. */
  madeToOrder: boolean;
  /** Harvest window (ISO); before availableFrom the product is a pre-order. */
  availableFrom: string | null;
  availableUntil: string | null;
  fulfilment: FulfilmentOptions;
  farmer: { id: string; displayName: string; village: string };
  workshop: { slug: string; name: Bilingual; openingHours: Bilingual };
  /** The first photos, in their order. */
  images: ProductImageDto[];
  updatedAt: string;
};

export type WorkshopDto = {
  slug: string;
  name: Bilingual;
  story: Bilingual;
  village: string | null;
  openingHours: Bilingual;
  phone: string | null;
  /** Where it is (WGS-84), when it is one of the town's places. */
  place: { lat: number; lng: number; name: Bilingual } | null;
  /** Its approved farmers. */
  farmers: { id: string; displayName: string; village: string }[];
  /** Its products on sale (published, farmer approved). */
  products: ProductDto[];
  updatedAt: string;
};

/** For sale: published, by a farmer an admin has approved. */
const ON_SALE = { status: "PUBLISHED", farmer: { status: "APPROVED" } } satisfies Prisma.ProductWhereInput;

const PRODUCT_IMAGES = 6;

const productSelect = {
  id: true,
  slug: true,
  category: true,
  nameZh: true,
  nameEn: true,
  descriptionZh: true,
  descriptionEn: true,
  unit: true,
  priceCents: true,
  currency: true,
  stock: true,
  availableFrom: true,
  availableUntil: true,
  pickupAtWorkshop: true,
  pickupAtFestival: true,
  delivery: true,
  deliveryFeeCents: true,
  updatedAt: true,
  farmer: { select: { id: true, displayName: true, village: true } },
  workshop: { select: { slug: true, nameZh: true, nameEn: true, openingHoursZh: true, openingHoursEn: true } },
  images: {
    orderBy: [{ position: "asc" }, { id: "asc" }],
    take: PRODUCT_IMAGES,
    select: { path: true, width: true, height: true, altZh: true, altEn: true },
  },
} satisfies Prisma.ProductSelect;

const productOrder = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.ProductOrderByWithRelationInput[];

type ProductRow = Prisma.ProductGetPayload<{ select: typeof productSelect }>;

function toProductDto(p: ProductRow): ProductDto {
  return {
    id: p.id,
    slug: p.slug,
    category: p.category,
    name: { zh: p.nameZh, en: p.nameEn },
    description: { zh: p.descriptionZh, en: p.descriptionEn },
    unit: p.unit,
    priceCents: p.priceCents,
    currency: p.currency,
    madeToOrder: p.stock === null,
    availableFrom: p.availableFrom?.toISOString() ?? null,
    availableUntil: p.availableUntil?.toISOString() ?? null,
    fulfilment: {
      workshopPickup: p.pickupAtWorkshop,
      festivalPickup: p.pickupAtFestival,
      delivery: p.delivery,
      deliveryFeeCents: p.deliveryFeeCents,
    },
    farmer: p.farmer,
    workshop: {
      slug: p.workshop.slug,
      name: { zh: p.workshop.nameZh, en: p.workshop.nameEn },
      openingHours: { zh: p.workshop.openingHoursZh, en: p.workshop.openingHoursEn },
    },
    images: p.images.map((i) => ({
      url: i.path,
      width: i.width,
      height: i.height,
      alt: i.altZh ? { zh: i.altZh, en: i.altEn ?? "" } : null,
    })),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** Every product on sale, oldest listing first (the shop orders them by season as it shows them). */
export async function findPublishedProducts(): Promise<ProductDto[]> {
  const rows = await db.product.findMany({ where: ON_SALE, orderBy: productOrder, select: productSelect });
  return rows.map(toProductDto);
}

/**
 * One product whatever its state, for its farmer's preview (or an admin's): the
 * caller passes the farmer it must belong to, or null for an admin. Never cached.
 */
export async function findProductForPreview(id: string, farmerId: string | null): Promise<ProductDto | null> {
  const row = await db.product.findFirst({
    where: { id, ...(farmerId === null ? {} : { farmerId }) },
    select: productSelect,
  });
  return row ? toProductDto(row) : null;
}

/** Every workshop (they have no draft state), with its approved farmers and its products on sale. */
export async function findPublishedWorkshops(): Promise<WorkshopDto[]> {
  const rows = await db.workshop.findMany({
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      place: { select: { lat: true, lng: true, nameZh: true, nameEn: true } },
      farmers: {
        where: { status: "APPROVED" },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, displayName: true, village: true },
      },
      products: { where: ON_SALE, orderBy: productOrder, select: productSelect },
    },
  });
  return rows.map((w) => ({
    slug: w.slug,
    name: { zh: w.nameZh, en: w.nameEn },
    story: { zh: w.storyZh, en: w.storyEn },
    village: w.village,
    openingHours: { zh: w.openingHoursZh, en: w.openingHoursEn },
    phone: w.phone,
    place: w.place ? { lat: w.place.lat, lng: w.place.lng, name: { zh: w.place.nameZh, en: w.place.nameEn } } : null,
    farmers: w.farmers,
    products: w.products.map(toProductDto),
    updatedAt: w.updatedAt.toISOString(),
  }));
}

/** Left to sell: stock minus what orders hold or have bought; null when made to order. */
export const stockLeft = (p: { stock: number | null; reserved: number }) =>
  p.stock === null ? null : Math.max(0, p.stock - p.reserved);

/**
 * Live stock of products on sale, by id: one small read of three columns. Without
 * ids, of every published product (the list API fills its cached list from this).
 */
export async function findStock(ids?: readonly string[]): Promise<Map<string, number | null>> {
  const rows = await db.product.findMany({
    where: ids ? { ...ON_SALE, id: { in: [...ids] } } : { status: "PUBLISHED" },
    select: { id: true, stock: true, reserved: true },
  });
  return new Map(rows.map((r) => [r.id, stockLeft(r)]));
}
