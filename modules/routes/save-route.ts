import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { type LngLat, pathLengthMeters } from "@/lib/geo";
import { insideRegion, type Region } from "@/lib/region";
import { UserError } from "@/lib/user-error";
import { type AuditActor, recordAudit } from "@/modules/audit/record-audit";
import type { Tx } from "@/modules/inventory/capacity";
import { categoryToEnum } from "./categories";
import { listedDuration } from "./estimates";
import { routeChanges } from "./route-changes";
import type { RouteInput } from "./schemas";

function placeSlug(nameEn: string): string {
  const base = nameEn
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${base || "place"}-${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * Creates or updates a route with its ordered stops (adding any new places), and
 * measures it: distance from the path, listed duration from distance and stops.
 * Publication state is left as it is; new routes start as drafts. The audit entry
 * naming the actor and what changed is written in the same transaction.
 */
export async function saveRoute(
  input: RouteInput,
  region: Region,
  actor: AuditActor,
): Promise<{ id: string; slug: string; previousSlug: string | null }> {
  const byId = await checkStops(input, region);
  const data = routeData(input, byId);

  try {
    const saved = await db.$transaction(async (tx) => {
      const previous = input.id
        ? await tx.route.findUnique({
            where: { id: input.id },
            include: {
              stops: { orderBy: { position: "asc" }, include: { place: { select: { nameZh: true } } } },
              months: { select: { month: true } },
            },
          })
        : null;
      if (input.id && !previous) throw new UserError("errors.notFound");
      const stopPlaceIds = await stopPlaces(tx, input.stops);
      const route = input.id
        ? await tx.route.update({ where: { id: input.id }, data, select: { id: true, slug: true } })
        : await tx.route.create({ data: { ...data, status: "DRAFT" }, select: { id: true, slug: true } });
      await tx.routeStop.deleteMany({ where: { routeId: route.id } });
      await tx.routeMonth.deleteMany({ where: { routeId: route.id } });
      await tx.routeStop.createMany({
        data: input.stops.map((s, position) => ({
          routeId: route.id,
          placeId: stopPlaceIds[position] ?? "",
          position,
          suggestedMinutes: s.suggestedMinutes,
          noteZh: s.noteZh || null,
          noteEn: s.noteEn || null,
        })),
      });
      await tx.routeMonth.createMany({ data: input.months.map((month) => ({ routeId: route.id, month })) });
      await recordAudit(tx, actor, {
        action: previous ? "route.update" : "route.create",
        entityType: "route",
        entityId: route.id,
        changes: routeChanges(
          previous && {
            ...previous,
            stops: previous.stops.map((s) => ({ place: s.place.nameZh, minutes: s.suggestedMinutes, note: s.noteZh })),
            months: previous.months.map((m) => m.month),
          },
          {
            ...data,
            stops: input.stops.map((s) => ({
              place: s.newPlace?.nameZh ?? byId.get(s.placeId ?? "")?.nameZh ?? "",
              minutes: s.suggestedMinutes,
              note: s.noteZh || null,
            })),
            months: input.months,
          },
        ),
      });
      return { ...route, previousSlug: previous?.slug ?? null };
    });
    return saved;
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserError("errors.checkFields", { slug: "validation.route.slugTaken" });
    throw error;
  }
}

type KnownPlace = { id: string; nameZh: string; lat: number; lng: number };

/** The existing places the stops name, by id; refuses a stop at an unknown place or one outside the region. */
async function checkStops(input: RouteInput, region: Region): Promise<Map<string, KnownPlace>> {
  const placeIds = input.stops.flatMap((s) => (s.placeId ? [s.placeId] : []));
  const places = await db.place.findMany({
    where: { id: { in: placeIds } },
    select: { id: true, nameZh: true, lat: true, lng: true },
  });
  const byId = new Map(places.map((p) => [p.id, p]));
  const fields: Record<string, string> = {};
  input.stops.forEach((s, i) => {
    if (!s.placeId) return;
    const place = byId.get(s.placeId);
    if (!place) fields[`stops.${i}`] = "validation.route.unknownPlace";
    else if (!insideRegion(region, place.lat, place.lng)) fields[`stops.${i}`] = "validation.route.outsideRegion";
  });
  if (Object.keys(fields).length > 0) throw new UserError("errors.checkFields", fields);
  return byId;
}

/** The route's own columns, measured: the path (or the stops in order), its length and the listed duration. */
function routeData(input: RouteInput, byId: Map<string, KnownPlace>) {
  const stopCoords: LngLat[] = input.stops.map((s) => {
    const at = s.newPlace ?? byId.get(s.placeId ?? "");
    return [at?.lng ?? 0, at?.lat ?? 0];
  });
  const path = input.path && input.path.length >= 2 ? input.path : stopCoords;
  const distanceMeters = pathLengthMeters(path);
  return {
    slug: input.slug,
    category: categoryToEnum(input.category),
    difficulty: input.difficulty.toUpperCase() as "EASY" | "MODERATE" | "HARD",
    titleZh: input.titleZh,
    titleEn: input.titleEn,
    summaryZh: input.summaryZh,
    summaryEn: input.summaryEn,
    descriptionZh: input.descriptionZh,
    descriptionEn: input.descriptionEn,
    gettingThereZh: input.gettingThereZh,
    gettingThereEn: input.gettingThereEn,
    coverImageUrl: input.coverImageUrl,
    path,
    distanceMeters,
    durationMinutes: listedDuration(
      distanceMeters,
      input.stops.map((s) => s.suggestedMinutes),
    ),
  };
}

/** Each stop's place id, in order: the place it names, or a new place created for it. */
async function stopPlaces(tx: Tx, stops: RouteInput["stops"]): Promise<string[]> {
  const stopPlaceIds: string[] = [];
  for (const s of stops) {
    if (s.newPlace) {
      const place = await tx.place.create({
        data: {
          slug: placeSlug(s.newPlace.nameEn),
          nameZh: s.newPlace.nameZh,
          nameEn: s.newPlace.nameEn,
          lat: s.newPlace.lat,
          lng: s.newPlace.lng,
          precision: "APPROXIMATE",
        },
        select: { id: true },
      });
      stopPlaceIds.push(place.id);
    } else {
      stopPlaceIds.push(s.placeId ?? "");
    }
  }
  return stopPlaceIds;
}
