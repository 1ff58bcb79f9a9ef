import { describe, expect, it } from "vitest";
import { alipayTime, fenOf, yuanString } from "./alipay/amounts";
import { parseTradeBill } from "./wechatpay/bill";
import { beijingTime } from "./wechatpay/provider";

describe("amounts between fen and the providers' yuan", () => {
  it("writes and reads yuan strings without floating point", () => {
    expect(yuanString(3800)).toBe("38.00");
    expect(yuanString(1)).toBe("0.01");
    expect(yuanString(1999)).toBe("19.99");
    // 0.1 + 0.2 is not 0.3 in floats; here it never meets a float.
    expect(fenOf("0.29")).toBe(29);
    expect(fenOf("1234567.89")).toBe(123456789);
    expect(fenOf("-12.50")).toBe(-1250);
    expect(fenOf("12.345")).toBeNull();
    expect(fenOf("abc")).toBeNull();
    expect(() => yuanString(1.5)).toThrow();
  });

  it("writes Beijing time as each provider wants it", () => {
    const instant = new Date("2027-06-12T10:30:05.900Z");
    expect(alipayTime(instant)).toBe("2027-06-12 18:30:05");
    expect(beijingTime(instant)).toBe("2027-06-12T18:30:05+08:00");
  });
});

describe("WeChat Pay's trade bill", () => {
  it("reads payments and refunds by the header's columns, backticks and BOM off", () => {
    const header =
      "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
    const row = (cells: string[]) => cells.map((c) => `\`${c}`).join(",");
    const text = [
      `\uFEFF${header}`,
      row([
        "2027-06-12 18:30:05",
        "wx1",
        "190",
        "0",
        "",
        "4200001",
        "SQA-N",
        "o1",
        "NATIVE",
        "SUCCESS",
        "OTHERS",
        "CNY",
        "88.00",
        "0.00",
        "0",
        "0",
        "0.00",
        "0.00",
        "",
        "",
        "x",
        "",
        "0.53",
        "0.60%",
        "88.00",
        "0.00",
        "",
      ]),
      row([
        "2027-06-12 19:00:00",
        "wx1",
        "190",
        "0",
        "",
        "4200001",
        "SQA-N",
        "o1",
        "NATIVE",
        "REFUND",
        "OTHERS",
        "CNY",
        "0.00",
        "0.00",
        "5030001",
        "refund-r1",
        "12.50",
        "0.00",
        "ORIGINAL",
        "SUCCESS",
        "x",
        "",
        "-0.08",
        "0.60%",
        "0.00",
        "12.50",
        "",
      ]),
      "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额",
      "`2,`88.00,`12.50,`0.00,`0.45,`88.00,`12.50",
    ].join("\r\n");
    expect(parseTradeBill(text)).toEqual([
      {
        kind: "payment",
        outTradeNo: "SQA-N",
        transactionId: "4200001",
        amountCents: 8800,
        at: new Date("2027-06-12T10:30:05Z"),
      },
      {
        kind: "refund",
        outTradeNo: "SQA-N",
        outRefundNo: "refund-r1",
        refundId: "5030001",
        amountCents: 1250,
        at: new Date("2027-06-12T11:00:00Z"),
      },
    ]);
    expect(() => parseTradeBill("a,b,c\n1,2,3")).toThrow(/without/);
  });
});
