import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/user-error";
import { type Farmer, ownProduct } from "@/modules/auth/farmer-scope";
import { forgetSaleFacts } from "@/modules/inventory/sale-facts";
import type { ProductInput } from "./product-schemas";

/** A readable, unique slug: from the English name when there is one, with a short random tail. */
export function productSlug(nameEn: string): string {
  const base = nameEn
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return `${base || "product"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Creates or updates one of the farmer's products (always in their own workshop).
 * Stock never drops below what is already held or sold: the check and the write
 * are one guarded statement, so a sale landing in between cannot be lost.
 */
export async function saveProduct(farmer: Farmer, input: ProductInput): Promise<{ id: string; slug: string }> {
  const data = fields(input);
  const images = input.images.map((image, position) => ({
    path: image.url,
    width: image.width,
    height: image.height,
    position,
  }));
  let saved: { id: string; slug: string };
  if (input.id) {
    const existing = await ownProduct(farmer, input.id);
    saved = await db.$transaction(async (tx) => {
      if (input.stock !== null) {
        const changed = await tx.product.updateMany({
          where: { id: existing.id, farmerId: farmer.id, reserved: { lte: input.stock } },
          data: { stock: input.stock },
        });
        if (changed.count !== 1) {
          const { reserved } = await tx.product.findUniqueOrThrow({ where: { id: existing.id } });
          throw new UserError(
            "errors.checkFields",
            { stock: "farmerProducts.errors.stockBelowSold" },
            { stock: { count: reserved } },
          );
        }
      } else {
        await tx.product.update({ where: { id: existing.id }, data: { stock: null } });
      }
      await tx.product.update({ where: { id: existing.id }, data });
      await tx.productImage.deleteMany({ where: { productId: existing.id } });
      if (images.length > 0)
        await tx.productImage.createMany({ data: images.map((i) => ({ ...i, productId: existing.id })) });
      return { id: existing.id, slug: existing.slug };
    });
  } else {
    saved = await createWithFreshSlug(farmer, input, data, images);
  }
  forgetSaleFacts();
  return saved;
}

/** The columns the form sets directly. */
function fields(input: ProductInput) {
  return {
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    descriptionZh: input.descriptionZh,
    descriptionEn: input.descriptionEn,
    category: input.category,
    unit: input.unit,
    priceCents: input.priceCents,
    availableFrom: input.availableFrom,
    availableUntil: input.availableUntil,
    pickupAtWorkshop: input.pickupAtWorkshop,
    pickupAtFestival: input.pickupAtFestival,
    delivery: input.delivery,
    deliveryFeeCents: input.deliveryFeeCents,
  };
}

async function createWithFreshSlug(
  farmer: Farmer,
  input: ProductInput,
  data: ReturnType<typeof fields>,
  images: { path: string; position: number; width: number; height: number }[],
) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.product.create({
        data: {
          ...data,
          slug: productSlug(input.nameEn),
          stock: input.stock,
          status: "DRAFT",
          farmerId: farmer.id,
          workshopId: farmer.workshopId,
          images: { create: images },
        },
        select: { id: true, slug: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

/** Publishes or withdraws the farmer's product; publishing needs a price and a way to get it. */
export async function setProductPublished(farmer: Farmer, productId: string, published: boolean) {
  const product = await ownProduct(farmer, productId);
  if (published && !(product.pickupAtWorkshop || product.pickupAtFestival || product.delivery)) {
    throw new UserError("farmerProducts.errors.noFulfilment");
  }
  await db.product.updateMany({
    where: { id: product.id, farmerId: farmer.id },
    data: { status: published ? "PUBLISHED" : "DRAFT" },
  });
  forgetSaleFacts();
  return { id: product.id, slug: product.slug, published };
}
