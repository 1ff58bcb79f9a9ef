import "server-only";
import { forbidden } from "next/navigation";
import { UserError } from "@/lib/user-error";
import { approvedFarmer, type Farmer } from "@/modules/auth/farmer-scope";
import { requirePagePermission } from "@/modules/auth/session";

/** For the farmer's pages: strangers sign in; anyone but an approved farmer gets 403. */
export async function requireFarmerPage(
  permission: "products.manageOwn" | "farmerOrders.manageOwn",
  path: string,
): Promise<Farmer> {
  const user = await requirePagePermission(permission, path);
  try {
    return await approvedFarmer(user);
  } catch (error) {
    // Not (or no longer) an approved farmer: 403. Anything else (the database down) is a real failure.
    if (error instanceof UserError) forbidden();
    throw error;
  }
}
