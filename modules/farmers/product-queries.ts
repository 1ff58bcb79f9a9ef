import "server-only";
import { db } from "@/lib/db";
import type { Farmer } from "@/modules/auth/farmer-scope";

/** The farmer's own products, with what is held or sold and their first photo. */
export function farmerProducts(farmer: Farmer) {
  return db.product.findMany({
    where: { farmerId: farmer.id },
    orderBy: [{ status: "desc" }, { updatedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      unit: true,
      priceCents: true,
      currency: true,
      stock: true,
      reserved: true,
      status: true,
      images: { orderBy: { position: "asc" }, take: 1, select: { path: true } },
    },
  });
}

/** One of the farmer's products for the editor, or null (also for another farmer's). */
export function farmerProductForEditor(farmer: Farmer, id: string) {
  return db.product.findFirst({
    where: { id, farmerId: farmer.id },
    include: { images: { orderBy: { position: "asc" } } },
  });
}

/** The signed-in user's farmer profile with its workshop, whatever its status. */
export function farmerProfileOf(userId: string) {
  return db.farmerProfile.findUnique({
    where: { userId },
    include: { workshop: { select: { slug: true, nameZh: true, nameEn: true } } },
  });
}
