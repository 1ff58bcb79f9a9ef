// What every payment provider offers (lib/payments/provider.ts lists the configured ones).

export type ProviderName = "STRIPE" | "DEMO" | "WECHATPAY" | "ALIPAY";

export type CheckoutOrder = {
  id: string;
  code: string;
  totalCents: number;
  currency: string;
  customerEmail: string;
  locale: string;
  expiresAt: Date;
  items: { name: string; quantity: number; unitPriceCents: number }[];
};

/**
 * How the visitor pays with a provider, picked for where they are: WeChat Pay's
 * `native` (a QR code on a computer), `h5` (another phone browser), `jsapi` (inside
 * WeChat); Alipay's `wap` (a phone) and `page` (a computer); Stripe's hosted `checkout`.
 */
export type Channel = "native" | "h5" | "jsapi" | "wap" | "page" | "checkout";

export type CheckoutContext = {
  /** Where the buyer comes back to (the order page). */
  returnUrl: string;
  cancelUrl: string;
  channel: Channel;
  /** Our order number at the provider (WeChat Pay and Alipay). */
  outTradeNo?: string;
  /** The visitor's openid for our official account (WeChat JSAPI). */
  openid?: string;
  /** The visitor's address (WeChat H5 requires it). */
  clientIp?: string;
};

/** Parameters for WeixinJSBridge's getBrandWCPayRequest, signed by the merchant. */
export type JsapiParams = {
  appId: string;
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: "RSA";
  paySign: string;
};

export type CheckoutStart =
  /** Send the buyer to the provider's page (Stripe Checkout, WeChat H5, Alipay's cashier). */
  | { kind: "redirect"; url: string }
  /** A QR code the visitor scans with WeChat (Native). */
  | { kind: "qr"; codeUrl: string }
  /** The payment sheet over our page, inside WeChat. */
  | { kind: "jsapi"; params: JsapiParams }
  /** The demo provider: the buyer pays on the order page itself. */
  | { kind: "inline" };

export type RefundRequest = {
  payment: {
    id: string;
    provider: ProviderName;
    providerRef: string | null;
    paymentIntentId: string | null;
    transactionId?: string | null;
    amountCents: number;
  };
  amountCents: number;
  /** Stable per refund, so a retried request never refunds twice (WeChat's out_refund_no, Alipay's out_request_no). */
  idempotencyKey: string;
  reason: string;
};

/** What the provider says of one of our orders there. */
export type ProviderTradeState = {
  /** paid: the money arrived; open: not paid yet; closed: can no longer be paid; unknown: the provider has no such order. */
  state: "paid" | "open" | "closed" | "unknown";
  transactionId: string | null;
  amountCents: number | null;
  currency: string | null;
  paidAt: Date | null;
};

/** One line of a provider's daily bill. */
export type BillLine =
  | { kind: "payment"; outTradeNo: string; transactionId: string; amountCents: number; at: Date }
  | { kind: "refund"; outTradeNo: string; outRefundNo: string; refundId: string; amountCents: number; at: Date };

export interface PaymentProvider {
  readonly name: ProviderName;
  /** Starts paying for a pending order; safe to call again for the same order. */
  startCheckout(order: CheckoutOrder, context: CheckoutContext): Promise<CheckoutStart>;
  /** Gives money back; returns the provider's refund id, and whether the money already reached the buyer. */
  refund(request: RefundRequest): Promise<{ providerRef: string; settled?: boolean }>;
  /** Asks the provider about one of our orders (an authenticated server call). */
  query?(outTradeNo: string): Promise<ProviderTradeState>;
  /** Closes one of our orders there, so it can no longer be paid. */
  close?(outTradeNo: string): Promise<"closed" | "paid">;
  /** The provider's bill of one day (Beijing time), or null when it has none. */
  bill?(day: string): Promise<BillLine[] | null>;
  /**
   * Only the demo provider: the buyer "pays" on the order page itself. A real
   * provider confirms payments by its own signed messages, never by a request
   * from the buyer's browser.
   */
  readonly paysInline: boolean;
}
