import "server-only";
import { db } from "@/lib/db";

export function getFarmerProfileForUser(userId: string) {
  return db.farmerProfile.findUnique({
    where: { userId },
    select: {
      id: true,
      displayName: true,
      status: true,
      workshop: { select: { nameZh: true, nameEn: true } },
      _count: { select: { products: true } },
    },
  });
}
