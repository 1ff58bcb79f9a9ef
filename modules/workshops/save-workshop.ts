import "server-only";
import { randomBytes } from "node:crypto";
import { type Db, db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { insideRegion, type Region } from "@/lib/region";
import { UserError } from "@/lib/user-error";
import { type AuditActor, type AuditChanges, changedFields, recordAudit } from "@/modules/audit/record-audit";
import type { WorkshopInput } from "./schemas";

const E = "adminWorkshops.errors";
type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Point = NonNullable<WorkshopInput["point"]>;
type WorkshopData = Omit<WorkshopInput, "id" | "point">;

const WORKSHOP_FIELDS = [
  "slug",
  "nameZh",
  "nameEn",
  "storyZh",
  "storyEn",
  "village",
  "openingHoursZh",
  "openingHoursEn",
  "phone",
] as const satisfies readonly (keyof WorkshopData)[];

const slugTaken = () => new UserError("errors.checkFields", { slug: `${E}.slugTaken` });

/**
 * Creates or updates a workshop and its place on the map. A workshop owns its
 * place once it has been placed here: seeded workshops start on their village's
 * place, which routes and festivals share, so moving such a workshop gives it a
 * place of its own instead of moving the village. The audit entry, with the fields
 * and the point that changed, is written in the same transaction.
 */
export async function saveWorkshop(
  input: WorkshopInput,
  region: Region,
  actor: AuditActor,
): Promise<{ id: string; slug: string }> {
  if (input.point && !insideRegion(region, input.point.lat, input.point.lng)) {
    throw new UserError("errors.checkFields", { place: `${E}.outsideRegion` });
  }
  const clash = await db.workshop.findFirst({
    where: { slug: input.slug, ...(input.id ? { id: { not: input.id } } : {}) },
    select: { id: true },
  });
  if (clash) throw slugTaken();
  const { id, point, ...data } = input;
  try {
    return await db.$transaction(async (tx) => {
      if (!id) {
        const placeId = point ? (await createPlace(tx, input, point)).id : null;
        const created = await tx.workshop.create({ data: { ...data, placeId }, select: { id: true, slug: true } });
        await recordAudit(tx, actor, {
          action: "workshop.create",
          entityType: "workshop",
          entityId: created.id,
          changes: workshopChanges(null, data, point),
        });
        return created;
      }
      const existing = await tx.workshop.findUnique({
        where: { id },
        include: { place: { select: { lat: true, lng: true, precision: true } } },
      });
      if (!existing) throw new UserError("errors.notFound");
      const placeId = await placeFor(tx, id, existing.placeId, input, point);
      const updated = await tx.workshop.update({
        where: { id },
        data: { ...data, placeId },
        select: { id: true, slug: true },
      });
      await recordAudit(tx, actor, {
        action: "workshop.update",
        entityType: "workshop",
        entityId: id,
        changes: workshopChanges(existing, data, point),
      });
      return updated;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

/** The fields that changed, and the point on the map when it moved (no point chosen keeps the old one). */
function workshopChanges(
  before: (WorkshopData & { place: { lat: number; lng: number; precision: string } | null }) | null,
  after: WorkshopData,
  point: Point | null,
): AuditChanges {
  const changes: AuditChanges = changedFields<WorkshopData>(before, after, WORKSHOP_FIELDS);
  const from = before?.place
    ? { lat: before.place.lat, lng: before.place.lng, precision: before.place.precision }
    : null;
  const to = point ? { lat: point.lat, lng: point.lng, precision: point.precision } : from;
  Object.assign(changes, changedFields({ place: from }, { place: to }, ["place"]));
  return changes;
}

/** The place the workshop ends up on: its own one updated, a new one, or the shared one untouched. */
async function placeFor(
  tx: Tx,
  workshopId: string,
  placeId: string | null,
  input: WorkshopInput,
  point: Point | null,
): Promise<string | null> {
  const place = placeId
    ? await tx.place.findUnique({
        where: { id: placeId },
        select: {
          id: true,
          lat: true,
          lng: true,
          _count: { select: { stops: true, festivals: true, workshops: { where: { id: { not: workshopId } } } } },
        },
      })
    : null;
  if (!place) return point ? (await createPlace(tx, input, point)).id : null;
  const shared = place._count.stops + place._count.festivals + place._count.workshops > 0;
  if (shared) {
    const moved = point !== null && (point.lat !== place.lat || point.lng !== place.lng);
    return moved && point ? (await createPlace(tx, input, point)).id : place.id;
  }
  await tx.place.update({
    where: { id: place.id },
    data: { ...placeTexts(input), ...(point ?? {}) },
  });
  return place.id;
}

function placeTexts(input: WorkshopInput) {
  return {
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    village: input.village,
    openingHoursZh: input.openingHoursZh || null,
    openingHoursEn: input.openingHoursEn || null,
  };
}

function createPlace(tx: Tx, input: WorkshopInput, point: Point) {
  return tx.place.create({
    data: {
      // Place slugs are internal; the tail keeps them unique if a workshop slug is reused later.
      slug: `workshop-${input.slug}-${randomBytes(3).toString("hex")}`,
      ...placeTexts(input),
      ...point,
    },
    select: { id: true },
  });
}
