import { parseYuan } from "@/lib/money";
import type { BillLine } from "../types";

// WeChat Pay's trade bill (交易账单, bill_type=ALL): a CSV whose header names the columns,
// each value prefixed with a backtick so spreadsheets keep long numbers; one row per
// transaction of the day (SUCCESS: paid; REFUND: a refund, with its own numbers), then a
// summary. Amounts are yuan with two decimals, times Beijing time.

const COLUMNS = {
  time: "交易时间",
  transactionId: "微信订单号",
  outTradeNo: "商户订单号",
  state: "交易状态",
  refundId: "微信退款单号",
  outRefundNo: "商户退款单号",
  refund: "退款金额",
  total: "订单金额",
} as const;

const cells = (line: string) => line.split(",").map((c) => c.trim().replace(/^`/, ""));

/** "2027-06-12 18:30:05" in Beijing time. */
function beijing(text: string): Date {
  return new Date(`${text.replace(" ", "T")}+08:00`);
}

/** The day's payments and refunds; a line that cannot be read throws (the bill would be half-compared). */
export function parseTradeBill(text: string): BillLine[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");
  const header = cells(lines[0] ?? "");
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, header.indexOf(name)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const absent = Object.entries(at).filter(([, i]) => i < 0);
  if (absent.length > 0)
    throw new Error(`WeChat Pay bill without ${absent.map(([k]) => COLUMNS[k as keyof typeof COLUMNS]).join(", ")}`);
  const out: BillLine[] = [];
  for (const line of lines.slice(1)) {
    // The summary starts with its own header.
    if (line.startsWith("总交易单数")) break;
    const row = cells(line);
    const value = (key: keyof typeof COLUMNS) => row[at[key]] ?? "";
    const state = value("state");
    if (state === "SUCCESS") {
      const amount = parseYuan(value("total"));
      if (amount === null) throw new Error(`WeChat Pay bill: unreadable amount in ${line}`);
      out.push({
        kind: "payment",
        outTradeNo: value("outTradeNo"),
        transactionId: value("transactionId"),
        amountCents: amount,
        at: beijing(value("time")),
      });
    } else if (state === "REFUND") {
      const amount = parseYuan(value("refund"));
      if (amount === null) throw new Error(`WeChat Pay bill: unreadable refund in ${line}`);
      out.push({
        kind: "refund",
        outTradeNo: value("outTradeNo"),
        outRefundNo: value("outRefundNo"),
        refundId: value("refundId"),
        amountCents: amount,
        at: beijing(value("time")),
      });
    }
  }
  return out;
}
