import "server-only";
import { db } from "@/lib/db";
import { categoryToSlug } from "./categories";
import { pathSchema } from "./schemas";
import type { Bilingual, RouteDto } from "./types";

// Uncached reads of published routes; queries.ts wraps them in Next's data cache.

const include = {
  months: { orderBy: { month: "asc" } },
  stops: { orderBy: { position: "asc" }, include: { place: true } },
} as const;

const bi = (zh: string, en: string): Bilingual => ({ zh, en });
const optionalBi = (zh: string | null, en: string | null): Bilingual | null => (zh ? { zh, en: en || zh } : null);

type RouteRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(slug: string) {
  return db.route.findFirst({ where: { slug, status: "PUBLISHED" }, include });
}

function toDto(r: RouteRow): RouteDto {
  return {
    slug: r.slug,
    category: categoryToSlug(r.category),
    title: bi(r.titleZh, r.titleEn),
    summary: bi(r.summaryZh, r.summaryEn),
    description: bi(r.descriptionZh, r.descriptionEn),
    gettingThere: bi(r.gettingThereZh, r.gettingThereEn),
    difficulty: r.difficulty.toLowerCase() as RouteDto["difficulty"],
    distanceMeters: r.distanceMeters,
    durationMinutes: r.durationMinutes,
    months: r.months.map((m) => m.month),
    coverImageUrl: r.coverImageUrl,
    path: pathSchema.catch([]).parse(r.path),
    stops: r.stops.map((s) => ({
      position: s.position,
      suggestedMinutes: s.suggestedMinutes,
      note: optionalBi(s.noteZh, s.noteEn),
      place: {
        slug: s.place.slug,
        name: bi(s.place.nameZh, s.place.nameEn),
        description: bi(s.place.descriptionZh, s.place.descriptionEn),
        lat: s.place.lat,
        lng: s.place.lng,
        openingHours: optionalBi(s.place.openingHoursZh, s.place.openingHoursEn),
        photoUrl: s.place.photoUrl,
      },
    })),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findPublishedRoutes(): Promise<RouteDto[]> {
  const rows = await db.route.findMany({
    where: { status: "PUBLISHED" },
    include,
    orderBy: [{ category: "asc" }, { publishedAt: "asc" }, { slug: "asc" }],
  });
  return rows.map(toDto);
}

/** Any route, drafts too: for the editor's preview only. */
export async function findRouteForPreview(id: string): Promise<RouteDto | null> {
  const row = await db.route.findUnique({ where: { id }, include });
  return row ? toDto(row) : null;
}

export async function findPublishedRoute(slug: string): Promise<RouteDto | null> {
  const row = await findRow(slug);
  return row ? toDto(row) : null;
}
