import { describe, expect, it } from "vitest";
import { unusableReason } from "./unusable-reason";

const payment = { amountCents: 17_600, currency: "CNY", status: "SUCCEEDED" };
const order = { status: "PENDING", totalCents: 17_600, currency: "CNY", paidAt: null };

describe("unusableReason", () => {
  it("keeps money that paid its order", () => {
    expect(unusableReason(payment, { ...order, status: "PAID", paidAt: new Date() })).toBeNull();
    expect(unusableReason(payment, { ...order, status: "PARTIALLY_REFUNDED", paidAt: new Date() })).toBeNull();
  });

  it("returns money for an order whose seats were sold again while it was expired", () => {
    expect(unusableReason(payment, { ...order, status: "EXPIRED" })).toBe("sold_out");
  });

  it("returns money for an order cancelled before it was paid, but not for one cancelled after", () => {
    expect(unusableReason(payment, { ...order, status: "CANCELLED" })).toBe("cancelled");
    expect(unusableReason(payment, { ...order, status: "CANCELLED", paidAt: new Date() })).toBeNull();
    expect(unusableReason(payment, { ...order, status: "REFUNDED", paidAt: new Date() })).toBeNull();
  });

  it("returns a payment of the wrong amount or currency for a pending order", () => {
    expect(unusableReason({ ...payment, amountCents: 1 }, order)).toBe("amount_mismatch");
    expect(unusableReason({ ...payment, currency: "USD" }, order)).toBe("amount_mismatch");
    expect(unusableReason(payment, order)).toBeNull();
  });

  it("returns a second payment of an order another payment paid (a QR code and then the phone)", () => {
    const paid = { ...order, status: "PAID", paidAt: new Date() };
    expect(unusableReason(payment, paid, true)).toBe("duplicate");
    expect(unusableReason(payment, { ...paid, status: "CANCELLED" }, true)).toBe("duplicate");
    expect(unusableReason(payment, paid, false)).toBeNull();
    // Not paid by the other one (it was the wrong amount): the usual rules.
    expect(unusableReason(payment, order, true)).toBeNull();
  });

  it("does nothing with a payment already refunded", () => {
    expect(unusableReason({ ...payment, status: "REFUNDED" }, { ...order, status: "EXPIRED" })).toBeNull();
  });
});
