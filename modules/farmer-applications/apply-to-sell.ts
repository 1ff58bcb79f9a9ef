import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db-errors";
import { UserError } from "@/lib/user-error";
import type { ApplicationInput } from "./schemas";

const ALREADY = "farmerApply.errors.alreadyApplied";

/**
 * A visitor asks to sell through a workshop: a new application, or, after a
 * rejection, the same one sent again. Pending and approved applications stay as
 * they are; each write is guarded by the state it expects, so a double submit
 * changes nothing.
 */
export async function applyToSell(userId: string, input: ApplicationInput): Promise<{ id: string }> {
  const workshop = await db.workshop.findUnique({ where: { id: input.workshopId }, select: { id: true } });
  if (!workshop) throw new UserError("errors.checkFields", { workshopId: "farmerApply.errors.workshop" });
  const data = {
    displayName: input.displayName,
    village: input.village,
    phone: input.phone,
    workshopId: workshop.id,
  };
  const existing = await db.farmerProfile.findUnique({ where: { userId }, select: { id: true, status: true } });
  if (!existing) {
    try {
      return await db.farmerProfile.create({ data: { ...data, userId, status: "PENDING" }, select: { id: true } });
    } catch (error) {
      if (isUniqueViolation(error)) throw new UserError(ALREADY);
      throw error;
    }
  }
  const sentAgain = await db.farmerProfile.updateMany({
    where: { id: existing.id, status: "REJECTED" },
    data: { ...data, status: "PENDING", rejectionReason: null, decidedAt: null, decidedById: null },
  });
  if (sentAgain.count !== 1) throw new UserError(ALREADY);
  return { id: existing.id };
}
