import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import type { Farmer } from "@/modules/auth/farmer-scope";
import { canMove, type LineStep, TRACKING_PATTERN } from "./fulfilment-flow";

/**
 * Moves one of the farmer's lines to its next state. Another farmer's line is
 * answered as not found; a step out of order, or a line changed meanwhile, changes nothing.
 */
export async function moveLine(farmer: Farmer, input: { itemId: string; to: LineStep; trackingNumber?: string }) {
  const line = await db.orderItem.findFirst({
    where: { id: input.itemId, farmerId: farmer.id, kind: "PRODUCT" },
    select: { id: true, fulfilmentMethod: true, fulfilmentStatus: true },
  });
  if (!line?.fulfilmentMethod) throw new UserError("errors.notFound");
  if (!canMove(line.fulfilmentMethod, line.fulfilmentStatus, input.to)) throw new UserError("farmerOrders.errors.step");
  const tracking = input.trackingNumber?.trim() ?? "";
  if (input.to === "SHIPPED" && !TRACKING_PATTERN.test(tracking)) {
    throw new UserError("errors.checkFields", { trackingNumber: "farmerOrders.errors.tracking" });
  }
  const moved = await db.orderItem.updateMany({
    where: { id: line.id, farmerId: farmer.id, fulfilmentStatus: line.fulfilmentStatus },
    data: { fulfilmentStatus: input.to, ...(input.to === "SHIPPED" ? { trackingNumber: tracking } : {}) },
  });
  if (moved.count !== 1) throw new UserError("farmerOrders.errors.changed");
  return { id: line.id, status: input.to };
}
