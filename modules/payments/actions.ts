"use server";
import { z } from "zod";
import { log } from "@/lib/log";
import { paymentProvider } from "@/lib/payments/provider";
import { UserError } from "@/lib/user-error";
import { defineAction } from "@/modules/auth/guards";
import { findOrderForCaller } from "@/modules/orders/queries";
import { payDemo } from "./pay-demo";
import { startOrderCheckout } from "./start-checkout";

const input = z.object({
  orderId: z.string().min(1).max(64),
  token: z.string().max(200).default(""),
  decision: z.enum(["pay", "decline"]),
});

// Public (guests pay too), but only for whoever holds the order's token or owns it,
// and only while demo payments are the configured provider: with Stripe on, an order
// is paid by Stripe's signed webhook alone, whatever a browser posts here.
export const demoPaymentAction = defineAction({ input, permission: "public" }, async (data, { user }) => {
  const provider = await paymentProvider();
  if (!provider.paysInline) throw new UserError("payments.demoUnavailable");
  const order = await findOrderForCaller(data.orderId, data.token || null, user?.id ?? null);
  if (!order) throw new UserError("errors.notFound");
  if (data.decision === "decline") return { result: "declined" as const };
  const outcome = await payDemo(order);
  if (outcome.result === "refund_needed" || outcome.result === "not_found") throw new UserError("order.paymentFailed");
  return { result: "paid" as const };
});

const checkoutInput = z.object({ orderId: z.string().min(1).max(64), token: z.string().max(200).default("") });

// Public like the demo payment, for the token holder or owner; the browser then goes to Stripe.
export const startCheckoutAction = defineAction(
  { input: checkoutInput, permission: "public" },
  async (data, { user }) => {
    const order = await findOrderForCaller(data.orderId, data.token || null, user?.id ?? null);
    if (!order) throw new UserError("errors.notFound");
    if (order.status !== "pending") throw new UserError("payments.notPayable");
    let start: Awaited<ReturnType<typeof startOrderCheckout>>;
    try {
      start = await startOrderCheckout(order.id);
    } catch (error) {
      // Stripe unreachable or refusing: the buyer may try again; the details go to the log.
      log().error({ orderId: order.id, err: error }, "checkout could not start");
      throw new UserError("payments.unavailable");
    }
    if (!start) throw new UserError("payments.notPayable");
    if (start.kind !== "redirect") throw new UserError("payments.unavailable");
    return { url: start.url };
  },
);
