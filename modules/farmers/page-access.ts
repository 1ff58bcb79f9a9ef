import "server-only";
import { forbidden } from "next/navigation";
import { requirePagePermission } from "@/modules/auth/session";
import { approvedFarmer, type Farmer } from "./access";

/** For the farmer's pages: strangers sign in; anyone but an approved farmer gets 403. */
export async function requireFarmerPage(
  permission: "products.manageOwn" | "farmerOrders.manageOwn",
  path: string,
): Promise<Farmer> {
  const user = await requirePagePermission(permission, path);
  try {
    return await approvedFarmer(user);
  } catch {
    forbidden();
  }
}
