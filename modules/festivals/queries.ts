import "server-only";
import { db } from "@/lib/db";

export function listFestivalsOrganisedBy(userId: string) {
  return db.festival.findMany({
    where: { organisers: { some: { userId } } },
    orderBy: { startsOn: "asc" },
    select: { id: true, slug: true, nameZh: true, nameEn: true, startsOn: true, endsOn: true },
  });
}
