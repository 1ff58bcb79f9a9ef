import "server-only";
import { db } from "@/lib/db";
import { categoryToSlug } from "./categories";
import { pathSchema } from "./schemas";

// Reads for the route editor: drafts included, never cached.

export function listRoutesForAdmin() {
  return db.route.findMany({
    orderBy: [{ status: "asc" }, { updatedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      category: true,
      status: true,
      updatedAt: true,
      _count: { select: { stops: true } },
    },
  });
}

export function listPlacesForEditor() {
  return db.place.findMany({
    orderBy: { nameZh: "asc" },
    select: { id: true, nameZh: true, nameEn: true, lat: true, lng: true },
  });
}

export type EditorPlace = Awaited<ReturnType<typeof listPlacesForEditor>>[number];

export async function getRouteForEditor(id: string) {
  const r = await db.route.findUnique({
    where: { id },
    include: { months: true, stops: { orderBy: { position: "asc" } } },
  });
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    slug: r.slug,
    category: categoryToSlug(r.category),
    difficulty: r.difficulty.toLowerCase() as "easy" | "moderate" | "hard",
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    summaryZh: r.summaryZh,
    summaryEn: r.summaryEn,
    descriptionZh: r.descriptionZh,
    descriptionEn: r.descriptionEn,
    gettingThereZh: r.gettingThereZh,
    gettingThereEn: r.gettingThereEn,
    coverImageUrl: r.coverImageUrl ?? "",
    months: r.months.map((m) => m.month).sort((a, b) => a - b),
    stops: r.stops.map((s) => ({
      placeId: s.placeId,
      suggestedMinutes: s.suggestedMinutes,
      noteZh: s.noteZh ?? "",
      noteEn: s.noteEn ?? "",
    })),
    path: pathSchema.catch([]).parse(r.path),
  };
}

export type EditorRoute = NonNullable<Awaited<ReturnType<typeof getRouteForEditor>>>;
