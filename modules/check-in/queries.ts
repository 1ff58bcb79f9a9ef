import "server-only";
import { db } from "@/lib/db";
import { gateDay } from "./gate-day";

/** The festivals an organiser can open a gate for, each with its sessions from today on. */
export function listGateFestivals(userId: string, now: Date) {
  return db.festival.findMany({
    where: { organisers: { some: { userId } } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      sessions: {
        where: { endsAt: { gt: gateDay(now).start } },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, labelZh: true, labelEn: true },
      },
    },
  });
}

export type GateFestival = Awaited<ReturnType<typeof listGateFestivals>>[number];
