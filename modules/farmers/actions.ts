"use server";
import { z } from "zod";
import { approvedFarmer } from "@/modules/auth/farmer-scope";
import { defineAction } from "@/modules/auth/guards";
import { lineRefundInputSchema } from "@/modules/orders/line-refund-rules";
import { refundOrderLine, retryLineRefund } from "@/modules/orders/refund-order-line";
import { revalidateShop } from "@/modules/shop/revalidate";
import { moveLine } from "./move-line";
import { productIdSchema, productInputSchema } from "./product-schemas";
import { saveProduct, setProductPublished } from "./save-product";

// A farmer's actions. The permission table lets farmers in; each use case then
// scopes the work to the farmer's own products and order lines.

export const saveProductAction = defineAction(
  { input: productInputSchema, permission: "products.manageOwn" },
  async (input, { user }) => {
    const saved = await saveProduct(await approvedFarmer(user), input);
    await revalidateShop();
    return saved;
  },
);

export const publishProductAction = defineAction(
  { input: productIdSchema, permission: "products.manageOwn" },
  async ({ id }, { user }) => {
    const result = await setProductPublished(await approvedFarmer(user), id, true);
    await revalidateShop();
    return result;
  },
);

export const unpublishProductAction = defineAction(
  { input: productIdSchema, permission: "products.manageOwn" },
  async ({ id }, { user }) => {
    const result = await setProductPublished(await approvedFarmer(user), id, false);
    await revalidateShop();
    return result;
  },
);

const moveLineSchema = z.object({
  itemId: z.string().trim().min(1).max(64),
  to: z.enum(["PACKED", "SHIPPED", "READY", "COLLECTED"], "farmerOrders.errors.step"),
  trackingNumber: z.string().max(60, "farmerOrders.errors.tracking").optional(),
});

export const moveLineAction = defineAction(
  { input: moveLineSchema, permission: "farmerOrders.manageOwn" },
  async (input, { user }) => moveLine(await approvedFarmer(user), input),
);

/** Refunds one of the farmer's own lines (another farmer's is not found), by units or by an amount, with a reason. */
export const refundLineAction = defineAction(
  { input: lineRefundInputSchema, permission: "farmerOrders.manageOwn" },
  async (input, { user }) => {
    const farmer = await approvedFarmer(user);
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    return refundOrderLine({ kind: "farmer", farmer, actor: user }, input);
  },
);

export const retryLineRefundAction = defineAction(
  { input: z.object({ refundId: z.string().trim().min(1).max(64) }), permission: "farmerOrders.manageOwn" },
  async ({ refundId }, { user }) => {
    const farmer = await approvedFarmer(user);
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    return retryLineRefund({ kind: "farmer", farmer, actor: user }, refundId);
  },
);
