"use server";
import { z } from "zod";
import { defineAction } from "@/modules/auth/guards";
import { revalidateShop } from "@/modules/shop/revalidate";
import { approvedFarmer } from "./access";
import { moveLine } from "./order-lines";
import { productIdSchema, productInputSchema } from "./product-schemas";
import { saveProduct, setProductPublished } from "./save-product";

// A farmer's actions. The permission table lets farmers in; each use case then
// scopes the work to the farmer's own products and order lines.

export const saveProductAction = defineAction(
  { input: productInputSchema, permission: "products.manageOwn" },
  async (input, { user }) => {
    const saved = await saveProduct(await approvedFarmer(user), input);
    revalidateShop();
    return saved;
  },
);

export const publishProductAction = defineAction(
  { input: productIdSchema, permission: "products.manageOwn" },
  async ({ id }, { user }) => {
    const result = await setProductPublished(await approvedFarmer(user), id, true);
    revalidateShop();
    return result;
  },
);

export const unpublishProductAction = defineAction(
  { input: productIdSchema, permission: "products.manageOwn" },
  async ({ id }, { user }) => {
    const result = await setProductPublished(await approvedFarmer(user), id, false);
    revalidateShop();
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
