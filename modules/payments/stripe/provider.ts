import "server-only";
import type { PaymentsConfig } from "@/lib/config";
import type { PaymentProvider } from "../provider";

// Placeholder until the Stripe Checkout provider lands (being written now).
export function createStripeProvider(_config: Extract<PaymentsConfig, { provider: "stripe" }>): PaymentProvider {
  throw new Error("Stripe provider not built yet");
}
