import "server-only";
import { db } from "@/lib/db";

/** Workshops to choose from when applying to sell, by Chinese name. */
export function listWorkshopOptions() {
  return db.workshop.findMany({
    orderBy: { nameZh: "asc" },
    select: { id: true, nameZh: true, nameEn: true, village: true },
  });
}

/** The admin's list: every workshop with its place and how many farmers and products it has. */
export function listWorkshopsForAdmin() {
  return db.workshop.findMany({
    orderBy: { nameZh: "asc" },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      village: true,
      updatedAt: true,
      place: { select: { lat: true, lng: true, precision: true } },
      _count: { select: { farmers: { where: { status: "APPROVED" } }, products: true } },
    },
  });
}

/** One workshop as the editor form needs it. */
export async function getWorkshopForEditor(id: string) {
  const w = await db.workshop.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      storyZh: true,
      storyEn: true,
      village: true,
      openingHoursZh: true,
      openingHoursEn: true,
      phone: true,
      place: { select: { lat: true, lng: true, precision: true } },
    },
  });
  if (!w) return null;
  const { place, ...fields } = w;
  return {
    ...fields,
    village: fields.village ?? "",
    phone: fields.phone ?? "",
    lat: place ? String(place.lat) : "",
    lng: place ? String(place.lng) : "",
    precision: place?.precision === "SURVEYED" ? ("SURVEYED" as const) : ("APPROXIMATE" as const),
  };
}

export type WorkshopFormValues = NonNullable<Awaited<ReturnType<typeof getWorkshopForEditor>>>;
