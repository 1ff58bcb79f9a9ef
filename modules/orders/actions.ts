"use server";
import { z } from "zod";
import { UserError } from "@/lib/user-error";
import { defineAction } from "@/modules/auth/guards";
import { cancelOrder } from "./cancel-order";
import { findOrderForCaller } from "./queries";

// The buyer cancels their own order (or some tickets): public, like the order page,
// but only for whoever holds the order's token or owns it.
export const cancelOwnOrderAction = defineAction(
  {
    input: z.object({
      orderId: z.string().min(1).max(64),
      token: z.string().max(200).default(""),
      scope: z.enum(["all", "chosen"]),
      tickets: z.string().max(20_000).default(""),
    }),
    permission: "public",
  },
  async (input, { user }) => {
    const order = await findOrderForCaller(input.orderId, input.token || null, user?.id ?? null);
    if (!order) throw new UserError("errors.notFound");
    const ticketIds = input.scope === "all" ? ("all" as const) : input.tickets.split(",").filter(Boolean);
    if (ticketIds !== "all" && ticketIds.length === 0) throw new UserError("order.cancel.nothing");
    return cancelOrder({ orderId: order.id, ticketIds, by: { kind: "buyer" } });
  },
);
