import { unzipSync } from "fflate";
import type { BillLine } from "../types";
import { fenOf, fromAlipayTime } from "./amounts";

// Alipay's business bill (业务明细): a ZIP holding GBK-encoded CSV files; the detail one
// lists each trade (业务类型 交易) and refund (退款, negative amounts, its request number)
// of the day between "#" comment lines.

const COLUMNS = {
  tradeNo: "支付宝交易号",
  outTradeNo: "商户订单号",
  kind: "业务类型",
  finishedAt: "完成时间",
  amount: "订单金额（元）",
  refundNo: "退款批次号/请求号",
} as const;

const cells = (line: string) => line.split(",").map((c) => c.replace(/\t/g, "").trim());

export function parseBusinessBill(zip: Uint8Array): BillLine[] {
  const files = unzipSync(zip);
  const names = Object.keys(files);
  const detail =
    names.find((n) => n.includes("业务明细") && !n.includes("汇总")) ??
    names.find((n) => !n.includes("汇总") && n.endsWith(".csv")) ??
    names[0];
  if (!detail) throw new Error("Alipay bill: an empty archive");
  const text = new TextDecoder("gbk").decode(files[detail]);
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  const header = cells(lines[0] ?? "");
  const at = Object.fromEntries(Object.entries(COLUMNS).map(([key, name]) => [key, header.indexOf(name)])) as Record<
    keyof typeof COLUMNS,
    number
  >;
  const absent = Object.entries(at).filter(([, i]) => i < 0);
  if (absent.length > 0)
    throw new Error(`Alipay bill without ${absent.map(([k]) => COLUMNS[k as keyof typeof COLUMNS]).join(", ")}`);
  const out: BillLine[] = [];
  for (const line of lines.slice(1)) {
    const row = cells(line);
    const value = (key: keyof typeof COLUMNS) => row[at[key]] ?? "";
    const amount = fenOf(value("amount"));
    if (amount === null) throw new Error(`Alipay bill: unreadable amount in ${line}`);
    const when = fromAlipayTime(value("finishedAt"));
    if (value("kind") === "交易") {
      out.push({
        kind: "payment",
        outTradeNo: value("outTradeNo"),
        transactionId: value("tradeNo"),
        amountCents: amount,
        at: when,
      });
    } else if (value("kind") === "退款") {
      out.push({
        kind: "refund",
        outTradeNo: value("outTradeNo"),
        outRefundNo: value("refundNo"),
        refundId: value("refundNo"),
        amountCents: Math.abs(amount),
        at: when,
      });
    }
  }
  return out;
}
