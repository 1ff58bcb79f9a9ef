import { withRoute } from "@/modules/auth/route-guard";
import { handleStripeWebhook } from "@/modules/payments/stripe/webhook";

export const dynamic = "force-dynamic";

// Public: Stripe calls it, and the signature (checked first) says who is calling.
export const POST = withRoute("public", (request) => handleStripeWebhook(request));
