import { describe, expect, it } from "vitest";
import { lineRefundInputSchema, lineRemainder, planLineRefund } from "./line-refund-rules";

// 3 jin at 30 yuan, 12 yuan courier fee.
const line = {
  quantity: 3,
  unitPriceCents: 3000,
  totalCents: 9000,
  deliveryFeeCents: 1200,
  refundedQuantity: 0,
  refundedCents: 0,
};

describe("a line's refund plan", () => {
  it("refunds units at their price, the fee only with the last units and only when asked", () => {
    expect(planLineRefund(line, { by: "quantity", quantity: 1, includeDeliveryFee: true })).toEqual({
      quantity: 1,
      amountCents: 3000,
      wholeLine: false,
    });
    expect(planLineRefund(line, { by: "quantity", quantity: 3, includeDeliveryFee: false })).toEqual({
      quantity: 3,
      amountCents: 9000,
      wholeLine: true,
    });
    expect(planLineRefund(line, { by: "quantity", quantity: 3, includeDeliveryFee: true })).toEqual({
      quantity: 3,
      amountCents: 10_200,
      wholeLine: true,
    });
  });

  it("never gives back more than the money left, after a refund by weight", () => {
    const weighed = { ...line, refundedCents: 550 };
    expect(planLineRefund(weighed, { by: "quantity", quantity: 3, includeDeliveryFee: true })).toEqual({
      quantity: 3,
      amountCents: 10_200 - 550,
      wholeLine: true,
    });
    expect(lineRemainder(weighed)).toEqual({ units: 3, cents: 10_200 - 550 });
  });

  it("refunds an amount up to what is left, and no units", () => {
    expect(planLineRefund(line, { by: "amount", amountCents: 550 })).toEqual({
      quantity: 0,
      amountCents: 550,
      wholeLine: false,
    });
    expect(planLineRefund(line, { by: "amount", amountCents: 10_200 })).toMatchObject({ wholeLine: true });
    expect(planLineRefund(line, { by: "amount", amountCents: 10_201 })).toEqual({ error: "lineRefund.errors.tooMuch" });
  });

  it("refuses units beyond those left, and anything once nothing is left", () => {
    const partly = { ...line, refundedQuantity: 2, refundedCents: 6000 };
    expect(planLineRefund(partly, { by: "quantity", quantity: 2, includeDeliveryFee: false })).toEqual({
      error: "lineRefund.errors.tooManyUnits",
    });
    const done = { ...line, refundedQuantity: 3, refundedCents: 10_200 };
    expect(planLineRefund(done, { by: "amount", amountCents: 1 })).toEqual({ error: "lineRefund.errors.nothingLeft" });
  });
});

describe("the refund form's input", () => {
  const ok = { itemId: "line1", reason: "spoiled" };
  it("reads a quantity or an amount in yuan", () => {
    expect(lineRefundInputSchema.parse({ ...ok, mode: "quantity", quantity: "2", includeDeliveryFee: "on" })).toEqual({
      itemId: "line1",
      refund: { by: "quantity", quantity: 2, includeDeliveryFee: true },
      reason: "spoiled",
      note: null,
    });
    expect(lineRefundInputSchema.parse({ ...ok, mode: "amount", amount: "¥5.5", note: " 少了半斤 " })).toEqual({
      itemId: "line1",
      refund: { by: "amount", amountCents: 550 },
      reason: "spoiled",
      note: "少了半斤",
    });
  });

  it("names the field at fault", () => {
    const fields = (input: Record<string, string>) =>
      lineRefundInputSchema.safeParse(input).error?.issues.map((i) => [i.path.join("."), i.message]);
    expect(fields({ ...ok, mode: "quantity", quantity: "1.5" })).toEqual([["quantity", "lineRefund.errors.quantity"]]);
    expect(fields({ ...ok, mode: "amount", amount: "0" })).toEqual([["amount", "lineRefund.errors.amount"]]);
    expect(fields({ ...ok, mode: "amount", amount: "1", reason: "other" })).toEqual([
      ["note", "lineRefund.errors.noteRequired"],
    ]);
    expect(fields({ ...ok, mode: "all" })).toEqual([["mode", "lineRefund.errors.mode"]]);
  });
});
