import { forgetOrders, rememberedOrders } from "@/modules/basket/remembered-orders";
import { claimOrdersAction } from "./actions";

/** Sends the orders this browser placed as a guest to the signed-in account, then forgets them; never throws. */
export async function claimRememberedOrders(): Promise<void> {
  const orders = rememberedOrders();
  if (orders.length === 0) return;
  try {
    const data = new FormData();
    data.set("orders", JSON.stringify(orders));
    const result = await claimOrdersAction({ status: "idle" }, data);
    if (result.status !== "success") return;
    forgetOrders(orders.map((o) => o.id));
  } catch {
    // Offline or refused: they stay here for the next sign-in.
  }
}
