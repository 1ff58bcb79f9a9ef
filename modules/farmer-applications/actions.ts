"use server";
import { defineAction } from "@/modules/auth/guards";
import { revalidateShop } from "@/modules/shop/revalidate";
import { applyToSell } from "./apply-to-sell";
import { approveApplication, rejectApplication } from "./decide-application";
import { sendApplicationDecision } from "./mails/send-decision-mail";
import { applicationSchema, approveSchema, rejectSchema } from "./schemas";

// Applying (visitors, farmer.apply) and deciding (admins, farmers.approve).

function signedIn<T>(user: T | null): T {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

export const applyToSellAction = defineAction(
  { input: applicationSchema, permission: "farmer.apply" },
  async (input, { user }) => applyToSell(signedIn(user).id, input),
);

export const approveApplicationAction = defineAction(
  { input: approveSchema, permission: "farmers.approve" },
  async ({ id }, { user }) => {
    const result = await approveApplication(signedIn(user), id);
    // Workshop pages list their approved farmers.
    await revalidateShop();
    await sendApplicationDecision(result.userId, { status: "APPROVED" });
    return result;
  },
);

export const rejectApplicationAction = defineAction(
  { input: rejectSchema, permission: "farmers.approve" },
  async ({ id, reason }, { user }) => {
    const result = await rejectApplication(signedIn(user), id, reason);
    await revalidateShop();
    await sendApplicationDecision(result.userId, { status: "REJECTED", reason });
    return { id: result.id };
  },
);
