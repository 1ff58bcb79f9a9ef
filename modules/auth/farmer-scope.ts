import "server-only";
import { db } from "@/lib/db";
import { UserError } from "@/lib/user-error";
import type { CurrentUser } from "./session";

export type Farmer = { id: string; workshopId: string; displayName: string };

/**
 * The signed-in user's farmer profile, if approved. Everything a farmer reads or
 * changes is scoped to it: a product or an order line of another farmer is
 * answered exactly as one that does not exist.
 */
export async function approvedFarmer(user: CurrentUser | null): Promise<Farmer> {
  if (!user) throw new UserError("errors.signInRequired");
  const profile = await db.farmerProfile.findUnique({
    where: { userId: user.id },
    select: { id: true, workshopId: true, displayName: true, status: true },
  });
  if (profile?.status !== "APPROVED") throw new UserError("errors.forbidden");
  return { id: profile.id, workshopId: profile.workshopId, displayName: profile.displayName };
}

/** The farmer's own product, or a not-found error (whoever else's it is). */
export async function ownProduct(farmer: Farmer, productId: string) {
  const product = await db.product.findFirst({ where: { id: productId, farmerId: farmer.id } });
  if (!product) throw new UserError("errors.notFound");
  return product;
}
