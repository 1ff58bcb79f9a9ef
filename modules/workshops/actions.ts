"use server";
import { env } from "@/lib/env";
import { defineAction } from "@/modules/auth/guards";
import { revalidateShop } from "@/modules/shop/revalidate";
import { saveWorkshop } from "./save-workshop";
import { workshopInputSchema } from "./schemas";

// The admin's workshop editor (workshops.manage). Workshop pages are cached, so every
// save expires them. The signed-in admin is the actor the audit log records.

export const saveWorkshopAction = defineAction(
  { input: workshopInputSchema, permission: "workshops.manage" },
  async (input, { user }) => {
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    const saved = await saveWorkshop(input, env.region, user);
    await revalidateShop();
    return saved;
  },
);
