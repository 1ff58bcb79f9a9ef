import "server-only";
import { db } from "@/lib/db";

/** The signed-in user's application, if any, with what they entered last time. */
export function findMyApplication(userId: string) {
  return db.farmerProfile.findUnique({
    where: { userId },
    select: {
      id: true,
      displayName: true,
      village: true,
      phone: true,
      workshopId: true,
      status: true,
      rejectionReason: true,
      createdAt: true,
      updatedAt: true,
      decidedAt: true,
      workshop: { select: { nameZh: true, nameEn: true } },
    },
  });
}

const applicationFields = {
  id: true,
  displayName: true,
  village: true,
  phone: true,
  status: true,
  rejectionReason: true,
  updatedAt: true,
  decidedAt: true,
  user: { select: { name: true, email: true, role: true } },
  workshop: { select: { nameZh: true, nameEn: true } },
  decidedBy: { select: { name: true } },
} as const;

const DECIDED_SHOWN = 200;

/**
 * For the admin: every pending application, oldest first (first come, first served),
 * then the latest decisions. A re-application counts from when it was sent again.
 */
export async function listApplications() {
  const [pending, decided] = await Promise.all([
    db.farmerProfile.findMany({
      where: { status: "PENDING" },
      orderBy: { updatedAt: "asc" },
      select: applicationFields,
    }),
    db.farmerProfile.findMany({
      where: { status: { not: "PENDING" } },
      orderBy: [{ decidedAt: "desc" }, { updatedAt: "desc" }],
      take: DECIDED_SHOWN,
      select: applicationFields,
    }),
  ]);
  return { pending, decided };
}
