/** What the webhook did with an event; `retry` asks Stripe to deliver it again later. */
export type WebhookOutcome = { result: string; retry?: boolean; refundedCents?: number };
