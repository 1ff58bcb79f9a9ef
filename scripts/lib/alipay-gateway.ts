import { createSign, createVerify, generateKeyPair, randomInt, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { crc32, deflateRawSync } from "node:zlib";

// A local Alipay open-platform gateway (the classic https://openapi.alipay.com/gateway.do)
// for tests. It plays Alipay toward the app the way the open-platform documentation
// describes the protocol, so the app can use the official alipay-sdk pointed here by its
// `gateway` option:
//
// - every request must carry the common parameters (app_id, method, charset, sign_type,
//   timestamp, version, sign) and an RSA2 (SHA256withRSA) signature by the app's private key
//   over all its non-empty parameters but `sign`, sorted by key and joined `k=v&k=v` with raw
//   values; a request that fails is refused and recorded with why;
// - every API answer is `{"<method>_response":{…},"sign":"…"}`, signed by Alipay's private
//   key over the exact text of the response node (what alipay-sdk cuts out and verifies);
// - the page methods (alipay.trade.wap.pay, alipay.trade.page.pay) lead the browser to a
//   small cashier (收银台) page whose 确认付款 button pays, sends the asynchronous notification
//   and redirects to return_url with the signed synchronous return parameters;
// - notifications (trade_status_sync) are posted form-encoded and signed as documented; the
//   app must answer the 7 characters `success`, otherwise Alipay would send them again.
//
// Test controls play the buyer (pay), Alipay's own side (expiry, TRADE_FINISHED, bills,
// redelivery, trades the app never heard of) and an attacker (notifications built but not
// sent, re-signed with another key).

export type AlipayTradeStatus = "WAIT_BUYER_PAY" | "TRADE_SUCCESS" | "TRADE_CLOSED" | "TRADE_FINISHED";

/** What Alipay knows about a trade. Amounts are yuan strings with two decimals ("38.00"). */
export type AlipayTrade = {
  outTradeNo: string;
  /** Alipay's trade number, 28 digits starting with the date (assigned when the cashier opens). */
  tradeNo: string;
  totalAmount: string;
  subject: string;
  body?: string;
  /** QUICK_WAP_WAY (wap.pay) or FAST_INSTANT_TRADE_PAY (page.pay). */
  productCode: string;
  /** The page method that opened it ("alipay.trade.wap.pay" / "alipay.trade.page.pay"). */
  method: string;
  status: AlipayTradeStatus;
  notifyUrl?: string;
  returnUrl?: string;
  quitUrl?: string;
  passbackParams?: string;
  createdAt: Date;
  /** From time_expire / timeout_express: an unpaid trade closes by itself after this. */
  expiresAt?: Date;
  paidAt?: Date;
  closedAt?: Date;
  buyerId?: string;
  buyerLogonId?: string;
  /** Refunded so far. */
  refundFee: string;
  /** How many times the cashier page was opened for it. */
  opened: number;
  /** Put there by addForeignTrade(), not by the app. */
  foreign: boolean;
};

/** One refund that actually moved money (a repeated out_request_no adds none). */
export type AlipayRefund = {
  outTradeNo: string;
  tradeNo: string;
  outRequestNo: string;
  refundAmount: string;
  refundReason?: string;
  refundedAt: Date;
};

export type AlipayNotificationAttempt = {
  at: Date;
  /** The app's HTTP status, or 0 when it could not be reached. */
  status: number;
  /** The app's answer body (or why it could not be reached). */
  answer: string;
};

export type AlipayNotification = {
  /** The notify_id (the same on every delivery of this notification). */
  id: string;
  kind: "payment" | "refund" | "finished" | "closed";
  outTradeNo: string;
  url: string;
  params: Record<string, string>;
  /** The form body as posted (application/x-www-form-urlencoded). */
  body: string;
  attempts: AlipayNotificationAttempt[];
  /** The latest attempt's status and answer. */
  status?: number;
  answer?: string;
  /** Some delivery was answered 200 `success`: Alipay stops sending it. */
  acknowledged: boolean;
};

export type PayOptions = {
  /** Pay this amount instead (the trade at Alipay is then for this amount): an "amount differs" trade. */
  amount?: string;
  /** false: send no notification, the app must learn it by alipay.trade.query. */
  notify?: boolean;
  /** TRADE_FINISHED: a product that cannot be refunded finishes at once. */
  tradeStatus?: "TRADE_SUCCESS" | "TRADE_FINISHED";
  /** When the buyer paid (default now): puts the payment on another day's bill. */
  at?: Date;
};

export type PayResult = {
  trade: AlipayTrade;
  notification?: AlipayNotification;
  /** Where the cashier sends the browser: return_url with the signed synchronous return parameters. */
  returnUrl?: string;
};

export type ForeignTrade = {
  out_trade_no: string;
  total_amount: string;
  paidAt: Date;
  subject?: string;
  trade_no?: string;
};

export type AlipayGatewayOptions = {
  appId?: string;
  sellerId?: string;
  /** How far a request's timestamp may be from now, in minutes (default 15). */
  maxSkewMinutes?: number;
  /** Delays of automatic redeliveries after an unacknowledged delivery (default none: call redeliver()). */
  retryDelaysMs?: number[];
  /** Send a trade_status_sync notification after each refund (default true). */
  refundNotifications?: boolean;
  /** How long the app may take to answer a notification (default 10 s). */
  notifyTimeoutMs?: number;
};

export type AlipayGateway = {
  /** The SDK's `gateway` option: http://127.0.0.1:PORT/gateway.do */
  url: string;
  origin: string;
  appId: string;
  sellerId: string;
  /** PKCS#1 PEM ("RSA PRIVATE KEY"), alipay-sdk's default keyType. */
  appPrivateKeyPem: string;
  /** SPKI PEM ("PUBLIC KEY"): what the merchant uploads to the open platform. */
  appPublicKeyPem: string;
  /** SPKI PEM ("PUBLIC KEY"): the SDK's `alipayPublicKey`. */
  alipayPublicKeyPem: string;
  /** Alipay's own key (PKCS#1 PEM), for tests that must sign as Alipay would. */
  alipayPrivateKeyPem: string;
  /** Trades by out_trade_no. */
  trades: Map<string, AlipayTrade>;
  refunds: AlipayRefund[];
  /** Every answer that was not a success, as "<method>: <sub_code> — <why>". */
  refused: string[];
  notifications: AlipayNotification[];
  /** The buyer pays (what the cashier's 确认付款 does). Throws when the trade cannot be paid. */
  pay(outTradeNo: string, options?: PayOptions): Promise<PayResult>;
  /** The refund period of a paid trade ends: TRADE_FINISHED, with its notification. */
  finish(outTradeNo: string): Promise<AlipayNotification | undefined>;
  /** An unpaid trade times out: TRADE_CLOSED, with its notification. */
  expire(outTradeNo: string): Promise<AlipayNotification | undefined>;
  /** Delivers a notification again (Alipay's retry), whatever the app answered before. */
  redeliver(id: string): Promise<AlipayNotificationAttempt>;
  /** The payment notification Alipay would send for this trade, signed, as a form body; not sent. */
  notificationFor(outTradeNo: string, overrides?: Record<string, string | null | undefined>): string;
  /** A notification signature over `params` (all but sign and sign_type) with this key. */
  sign(params: Record<string, string | undefined>, privateKeyPem: string): string;
  /** A trade paid at Alipay that the app may not know, or a different amount for one it knows: shows in the bill. */
  addForeignTrade(trade: ForeignTrade): AlipayTrade;
  /** Waits for the notifications in flight (refund and expiry notifications are not awaited by the API call). */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

const PAGE_METHODS = new Set(["alipay.trade.wap.pay", "alipay.trade.page.pay"]);
const PRODUCT_CODES: Record<string, string> = {
  "alipay.trade.wap.pay": "QUICK_WAP_WAY",
  "alipay.trade.page.pay": "FAST_INSTANT_TRADE_PAY",
};
const BEIJING_OFFSET_MS = 8 * 3600_000;
const FORM = "application/x-www-form-urlencoded; charset=utf-8";
const BILL_URL_TTL_MS = 30_000;

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the format of every Alipay time field. */
export function beijingTime(date: Date = new Date()): string {
  return new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

function parseBeijingTime(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text.replace(" ", "T")}+08:00`);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/**
 * The documented string to sign: the non-empty parameters but `sign` (and `sign_type`, which
 * requests include and notifications leave out), sorted by key, `k=v` joined with `&`, values raw.
 */
export function alipaySignContent(
  params: Record<string, string | undefined>,
  { includeSignType = false }: { includeSignType?: boolean } = {},
): string {
  return Object.keys(params)
    .filter((key) => key !== "sign" && (includeSignType || key !== "sign_type"))
    .filter((key) => params[key] !== undefined && params[key] !== "")
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("&");
}

/** SHA256withRSA (RSA2) over the string to sign, base64. */
export function signAlipayParams(
  params: Record<string, string | undefined>,
  privateKeyPem: string,
  options?: { includeSignType?: boolean },
): string {
  return createSign("RSA-SHA256").update(alipaySignContent(params, options), "utf8").sign(privateKeyPem, "base64");
}

function verifies(content: string, signature: string, publicKeyPem: string): boolean {
  try {
    return createVerify("RSA-SHA256").update(content, "utf8").verify(publicKeyPem, signature, "base64");
  } catch {
    return false;
  }
}

// Amounts are yuan with at most two decimals; they are kept as integer fen so that no
// floating-point sum can make 38.00 - 10.00 - 28.00 differ from zero.
const MAX_FEN = 100_000_000_00;

function toFen(yuan: unknown): number | null {
  if (typeof yuan !== "string" && typeof yuan !== "number") return null;
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(String(yuan));
  if (!match) return null;
  const fen = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return fen >= 1 && fen <= MAX_FEN ? fen : null;
}

function toYuan(fen: number): string {
  const abs = Math.abs(fen);
  return `${fen < 0 ? "-" : ""}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

const fenOf = (yuan: string) => toFen(yuan) ?? 0;

function digits(count: number): string {
  let out = "";
  for (let i = 0; i < count; i++) out += String(randomInt(0, 10));
  return out;
}

/** yyyyMMdd of a date in Beijing. */
const beijingDay = (date: Date) => beijingTime(date).slice(0, 10).replaceAll("-", "");

type Failure = { code: string; msg: string; sub_code: string; sub_msg: string };

const missing = (sub_code: string, sub_msg: string): Failure => ({
  code: "40001",
  msg: "Missing Required Arguments",
  sub_code,
  sub_msg,
});
const invalid = (sub_code: string, sub_msg: string): Failure => ({
  code: "40002",
  msg: "Invalid Arguments",
  sub_code,
  sub_msg,
});
const business = (sub_code: string, sub_msg: string): Failure => ({
  code: "40004",
  msg: "Business Failed",
  sub_code,
  sub_msg,
});
const TRADE_NOT_EXIST = business("ACQ.TRADE_NOT_EXIST", "交易不存在");
const TRADE_STATUS_ERROR = business("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
const INVALID_PARAMETER = (what: string) => business("ACQ.INVALID_PARAMETER", `参数无效：${what}`);

class AlipayTradeError extends Error {
  readonly failure: Failure;
  constructor(failure: Failure) {
    super(`${failure.sub_code}: ${failure.sub_msg}`);
    this.failure = failure;
  }
}

const text = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : "";

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// ---------------------------------------------------------------------------------------
// The bill: a ZIP holding GBK-encoded CSVs, as Alipay serves them.

// Node decodes GBK but cannot encode it; the encoding table is built once by decoding every
// two-byte GBK code, so any Chinese text a test or the app uses (subjects included) encodes.
let gbkTable: Map<string, number> | null = null;

function gbk(value: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gbk");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (char.length === 1 && char !== "\ufffd" && !gbkTable.has(char)) gbkTable.set(char, (lead << 8) | trail);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0x3f;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(char);
    // What a GBK encoder does with a character GBK lacks (an emoji, say).
    if (pair === undefined) bytes.push(0x3f);
    else bytes.push(pair >> 8, pair & 0xff);
  }
  return Buffer.from(bytes);
}

/** MS-DOS date and time fields of a ZIP entry, from the Beijing wall clock. */
function dosDateTime(at: Date): { date: number; time: number } {
  const d = new Date(at.getTime() + BEIJING_OFFSET_MS);
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/**
 * A deflated ZIP. Alipay's bill archives name their entries in GBK without the UTF-8 flag
 * (bit 11), so an app reading the names as UTF-8 gets mojibake; this one does the same.
 */
function zip(files: { name: Buffer; data: Buffer }[], at: Date): Buffer {
  const { date, time } = dosDateTime(at);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const file of files) {
    const packed = deflateRawSync(file.data);
    const crc = crc32(file.data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(file.name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(file.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, file.name, packed);
    central.push(entry, file.name);
    offset += local.length + file.name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

const BILL_HEADER =
  "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,退款批次号/请求号,服务费（元）,分润（元）,备注";
// Alipay's bills end some columns with a tab (so spreadsheets keep long numbers as text):
// the trade numbers, the type, the shop/operator/terminal/account columns, the red-packet
// amount and the refund request number. Parsers must trim.
const TAB_COLUMNS = new Set([0, 1, 2, 6, 7, 8, 9, 10, 19, 21]);

type BillRow = {
  tradeNo: string;
  outTradeNo: string;
  type: "交易" | "退款";
  subject: string;
  createdAt: Date;
  finishedAt: Date;
  account: string;
  fen: number;
  outRequestNo: string;
  remark: string;
};

function csvField(value: string, tab: boolean): string {
  const quoted = /[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  return tab ? `${quoted}\t` : quoted;
}

function chineseDate(date: Date): string {
  const t = beijingTime(date);
  return `${t.slice(0, 4)}年${t.slice(5, 7)}月${t.slice(8, 10)}日 ${t.slice(11)}`;
}

/** The bill period [start, end) of a bill_date (yyyy-MM-dd or yyyy-MM), Beijing time. */
function billPeriod(billDate: string): { start: Date; end: Date } | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(billDate);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : null];
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  const start = Date.UTC(year, month - 1, day ?? 1) - BEIJING_OFFSET_MS;
  const end = day === null ? Date.UTC(year, month, 1) : Date.UTC(year, month - 1, day + 1);
  return { start: new Date(start), end: new Date(end - BEIJING_OFFSET_MS) };
}

function billCsvs(account: string, period: { start: Date; end: Date }, rows: BillRow[], at: Date): string[] {
  const head = (title: string) => [
    `#支付宝${title}查询`,
    `#账号：[${account}]`,
    `#起始日期：[${chineseDate(period.start)}]   终止日期：[${chineseDate(period.end)}]`,
  ];
  const trades = rows.filter((row) => row.type === "交易");
  const refunds = rows.filter((row) => row.type === "退款");
  const sum = (list: BillRow[]) => toYuan(list.reduce((total, row) => total + row.fen, 0));
  const detail = [
    ...head("业务明细"),
    "#-----------------------------------------业务明细列表----------------------------------------",
    BILL_HEADER,
    ...rows.map((row) =>
      [
        row.tradeNo,
        row.outTradeNo,
        row.type,
        row.subject,
        beijingTime(row.createdAt),
        beijingTime(row.finishedAt),
        "",
        "",
        "",
        "",
        row.account,
        toYuan(row.fen),
        toYuan(row.fen),
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "0.00",
        "",
        "0.00",
        "0.00",
        row.outRequestNo,
        "0.00",
        "0.00",
        row.remark,
      ]
        .map((value, column) => csvField(value, TAB_COLUMNS.has(column)))
        .join(","),
    ),
    "#-----------------------------------------业务明细列表结束------------------------------------",
    `#交易合计：${trades.length}笔，商家实收共${sum(trades)}元，商家优惠共0.00元`,
    `#退款合计：${refunds.length}笔，商家实收退款共${sum(refunds)}元，商家优惠退款共0.00元`,
    `#导出时间：[${chineseDate(at)}]`,
  ];
  // The summary file's layout is approximate (one 合计 row); apps reconcile from the detail file.
  const summary = [
    ...head("业务汇总"),
    "#-----------------------------------------业务汇总列表----------------------------------------",
    "门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）,支付宝优惠（元）,商家优惠（元）,卡消费金额（元）,服务费（元）,分润（元）,实收净额（元）",
    `合计,,${trades.length},${refunds.length},${sum(rows)},${sum(rows)},0.00,0.00,0.00,0.00,0.00,${sum(rows)}`,
    "#-----------------------------------------业务汇总列表结束-----------------------------------",
    `#导出时间：[${chineseDate(at)}]`,
  ];
  return [`${detail.join("\n")}\n`, `${summary.join("\n")}\n`];
}

// ---------------------------------------------------------------------------------------

const generateRsa = promisify(generateKeyPair);

async function rsaKeyPair(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await generateRsa("rsa", { modulusLength: 2048 });
  // alipay-sdk rebuilds the PEM from its lines and keeps a trailing empty line as key text,
  // so the PEMs are handed out without their final newline.
  return {
    privatePem: (privateKey.export({ type: "pkcs1", format: "pem" }) as string).trim(),
    publicPem: (publicKey.export({ type: "spki", format: "pem" }) as string).trim(),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}button{width:100%;padding:.8rem;font-size:1.1rem;background:#1677ff;color:#fff;border:0;border-radius:.4rem}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function errorPage(failure: Failure): string {
  return page(
    "支付宝 - 错误",
    `<main data-testid="alipay-error" data-sub-code="${escapeHtml(failure.sub_code)}">
<h1>支付宝</h1>
<p>抱歉，支付遇到问题</p>
<p>错误代码 <code>${escapeHtml(failure.sub_code)}</code></p>
<p data-testid="alipay-error-message">${escapeHtml(failure.sub_msg)}</p>
</main>`,
  );
}

/** Starts the gateway on a free loopback port with fresh app and Alipay key pairs. */
export async function startAlipayGateway(options: AlipayGatewayOptions = {}): Promise<AlipayGateway> {
  const appId = options.appId ?? "2021000000000001";
  const sellerId = options.sellerId ?? "2088000000000001";
  const maxSkewMs = (options.maxSkewMinutes ?? 15) * 60_000;
  const retryDelays = options.retryDelaysMs ?? [];
  const notifyTimeoutMs = options.notifyTimeoutMs ?? 10_000;
  const [appKeys, alipayKeys] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);

  const trades = new Map<string, AlipayTrade>();
  const refunds: AlipayRefund[] = [];
  const refused: string[] = [];
  const notifications: AlipayNotification[] = [];
  /** The bill rows addForeignTrade() put in place of (or beside) the gateway's own trades. */
  const foreign = new Map<string, { tradeNo: string; fen: number; paidAt: Date; subject: string }>();
  const cashierSessions = new Map<string, string>();
  const bills = new Map<string, { zip: Buffer; fileName: string; expires: number }>();
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = "";

  const track = <T>(promise: Promise<T>): Promise<T> => {
    inFlight.add(promise);
    promise.finally(() => inFlight.delete(promise)).catch(() => {});
    return promise;
  };

  const refuse = (method: string, failure: Failure, why?: string) => {
    refused.push(`${method || "?"}: ${failure.sub_code} — ${why ?? failure.sub_msg}`);
  };

  const newTradeNo = (at: Date) => `${beijingDay(at)}22001${digits(15)}`;

  /** An unpaid trade past its expiry closes (and Alipay notifies TRADE_CLOSED). */
  function refreshExpiry(trade: AlipayTrade) {
    if (trade.status !== "WAIT_BUYER_PAY" || !trade.expiresAt || Date.now() <= trade.expiresAt.getTime()) return;
    trade.status = "TRADE_CLOSED";
    trade.closedAt = trade.expiresAt;
    if (trade.notifyUrl) track(notify(trade, "closed", { gmt_close: beijingTime(trade.closedAt) }));
  }

  function findTrade(biz: Record<string, unknown>): AlipayTrade | Failure {
    const outTradeNo = text(biz.out_trade_no);
    const tradeNo = text(biz.trade_no);
    if (!outTradeNo && !tradeNo) return INVALID_PARAMETER("out_trade_no 和 trade_no 不能同时为空");
    const trade = outTradeNo
      ? trades.get(outTradeNo)
      : [...trades.values()].find((candidate) => candidate.tradeNo === tradeNo);
    if (!trade || (tradeNo && trade.tradeNo !== tradeNo)) return TRADE_NOT_EXIST;
    refreshExpiry(trade);
    return trade;
  }

  // --- notifications -------------------------------------------------------------------

  function notificationParams(trade: AlipayTrade, extra: Record<string, string | undefined>): Record<string, string> {
    const paid = trade.paidAt !== undefined;
    const all: Record<string, string | undefined> = {
      notify_time: beijingTime(),
      notify_type: "trade_status_sync",
      notify_id: `${beijingDay(new Date())}00222${digits(21)}`,
      app_id: appId,
      auth_app_id: appId,
      charset: "utf-8",
      version: "1.0",
      sign_type: "RSA2",
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_id: trade.buyerId,
      buyer_logon_id: trade.buyerLogonId,
      seller_id: sellerId,
      trade_status: trade.status,
      total_amount: trade.totalAmount,
      receipt_amount: paid ? trade.totalAmount : undefined,
      invoice_amount: paid ? trade.totalAmount : undefined,
      buyer_pay_amount: paid ? trade.totalAmount : undefined,
      point_amount: paid ? "0.00" : undefined,
      subject: trade.subject,
      body: trade.body,
      passback_params: trade.passbackParams,
      gmt_create: beijingTime(trade.createdAt),
      gmt_payment: trade.paidAt && beijingTime(trade.paidAt),
      fund_bill_list: paid ? JSON.stringify([{ amount: trade.totalAmount, fundChannel: "ALIPAYACCOUNT" }]) : undefined,
      ...extra,
    };
    // Empty fields are not sent: the documented string to sign leaves them out, while
    // alipay-sdk's checkNotifySign would sign them as "k=" and fail.
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(all)) if (value !== undefined && value !== "") params[key] = value;
    params.sign = signAlipayParams(params, alipayKeys.privatePem);
    return params;
  }

  async function deliver(notification: AlipayNotification): Promise<AlipayNotificationAttempt> {
    let attempt: AlipayNotificationAttempt;
    try {
      const response = await fetch(notification.url, {
        method: "POST",
        headers: { "content-type": FORM },
        body: notification.body,
        redirect: "manual",
        signal: AbortSignal.timeout(notifyTimeoutMs),
      });
      attempt = { at: new Date(), status: response.status, answer: await response.text() };
    } catch (error) {
      attempt = { at: new Date(), status: 0, answer: error instanceof Error ? error.message : String(error) };
    }
    notification.attempts.push(attempt);
    notification.status = attempt.status;
    notification.answer = attempt.answer;
    // Alipay wants exactly the 7 characters "success"; anything else means "send it again".
    if (attempt.status === 200 && attempt.answer === "success") notification.acknowledged = true;
    else {
      const delay = retryDelays[notification.attempts.length - 1];
      if (delay !== undefined && !notification.acknowledged) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!notification.acknowledged) track(deliver(notification));
        }, delay);
        timers.add(timer);
      }
    }
    return attempt;
  }

  async function notify(
    trade: AlipayTrade,
    kind: AlipayNotification["kind"],
    extra: Record<string, string | undefined> = {},
  ): Promise<AlipayNotification> {
    const params = notificationParams(trade, extra);
    const notification: AlipayNotification = {
      id: params.notify_id ?? randomUUID(),
      kind,
      outTradeNo: trade.outTradeNo,
      url: trade.notifyUrl ?? "",
      params,
      body: new URLSearchParams(params).toString(),
      attempts: [],
      acknowledged: false,
    };
    notifications.push(notification);
    await deliver(notification);
    return notification;
  }

  // --- the buyer -------------------------------------------------------------------------

  function returnUrlFor(trade: AlipayTrade): string | undefined {
    if (!trade.returnUrl) return undefined;
    const params: Record<string, string> = {
      charset: "utf-8",
      out_trade_no: trade.outTradeNo,
      method: `${trade.method}.return`,
      total_amount: trade.totalAmount,
      trade_no: trade.tradeNo,
      auth_app_id: appId,
      version: "1.0",
      app_id: appId,
      sign_type: "RSA2",
      seller_id: sellerId,
      timestamp: beijingTime(),
    };
    params.sign = signAlipayParams(params, alipayKeys.privatePem);
    const url = new URL(trade.returnUrl);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  function payProblem(trade: AlipayTrade | undefined): Failure | null {
    if (!trade) return TRADE_NOT_EXIST;
    refreshExpiry(trade);
    if (trade.status === "TRADE_CLOSED") return business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
    if (trade.status !== "WAIT_BUYER_PAY") return business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付");
    return null;
  }

  async function pay(outTradeNo: string, payOptions: PayOptions = {}): Promise<PayResult> {
    const trade = trades.get(outTradeNo);
    const problem = payProblem(trade);
    if (problem || !trade) {
      const failure = problem ?? TRADE_NOT_EXIST;
      refuse("pay", failure, `${failure.sub_msg} (${outTradeNo})`);
      throw new AlipayTradeError(failure);
    }
    if (payOptions.amount !== undefined) {
      const fen = toFen(payOptions.amount);
      if (fen === null) throw new Error(`not an amount: ${payOptions.amount}`);
      trade.totalAmount = toYuan(fen);
    }
    trade.status = payOptions.tradeStatus ?? "TRADE_SUCCESS";
    trade.paidAt = payOptions.at ?? new Date();
    trade.buyerId = `2088${digits(12)}`;
    trade.buyerLogonId = "159****5620";
    const notification =
      payOptions.notify !== false && trade.notifyUrl ? await track(notify(trade, "payment")) : undefined;
    return { trade, notification, returnUrl: returnUrlFor(trade) };
  }

  // --- the page methods --------------------------------------------------------------------

  function openCashier(method: string, params: Record<string, string>, biz: Record<string, unknown>) {
    const outTradeNo = text(biz.out_trade_no);
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(outTradeNo)) return INVALID_PARAMETER("out_trade_no");
    const fen = toFen(biz.total_amount);
    if (fen === null) return INVALID_PARAMETER("total_amount");
    const subject = text(biz.subject);
    if (!subject || subject.length > 256) return INVALID_PARAMETER("subject");
    const productCode = text(biz.product_code);
    if (productCode !== PRODUCT_CODES[method]) return INVALID_PARAMETER(`product_code 应为 ${PRODUCT_CODES[method]}`);
    let expiresAt: Date | undefined;
    if (biz.time_expire !== undefined) {
      const parsed = parseBeijingTime(text(biz.time_expire));
      if (!parsed) return INVALID_PARAMETER("time_expire");
      expiresAt = parsed;
    } else if (biz.timeout_express !== undefined) {
      const match = /^(\d+)([mhd])$/.exec(text(biz.timeout_express));
      if (!match) return INVALID_PARAMETER("timeout_express");
      expiresAt = new Date(Date.now() + Number(match[1]) * { m: 60_000, h: 3600_000, d: 86_400_000 }[match[2] as "m"]);
    }
    const now = new Date();
    let trade = trades.get(outTradeNo);
    if (trade) {
      refreshExpiry(trade);
      const problem = payProblem(trade);
      if (problem) return problem;
      if (fenOf(trade.totalAmount) !== fen) return business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
    } else {
      trade = {
        outTradeNo,
        tradeNo: newTradeNo(now),
        totalAmount: toYuan(fen),
        subject,
        productCode,
        method,
        status: "WAIT_BUYER_PAY",
        createdAt: now,
        refundFee: "0.00",
        opened: 0,
        foreign: false,
      };
      trades.set(outTradeNo, trade);
    }
    // The latest page request decides where the buyer and the notification go.
    trade.notifyUrl = params.notify_url || trade.notifyUrl;
    trade.returnUrl = params.return_url || trade.returnUrl;
    trade.quitUrl = text(biz.quit_url) || trade.quitUrl;
    trade.body = text(biz.body) || trade.body;
    trade.passbackParams = text(biz.passback_params) || trade.passbackParams;
    trade.expiresAt = expiresAt ?? trade.expiresAt;
    trade.opened++;
    refreshExpiry(trade);
    if (trade.status === "TRADE_CLOSED") return business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
    return trade;
  }

  function cashierPage(session: string, trade: AlipayTrade): string {
    const quit = trade.quitUrl
      ? `<p><a data-testid="alipay-quit" href="${escapeHtml(trade.quitUrl)}">返回商家</a></p>`
      : "";
    return page(
      "支付宝 - 收银台",
      `<main data-testid="alipay-cashier" data-out-trade-no="${escapeHtml(trade.outTradeNo)}">
<h1>支付宝收银台</h1>
<p data-testid="alipay-subject">${escapeHtml(trade.subject)}</p>
<p data-testid="alipay-amount">¥${escapeHtml(trade.totalAmount)}</p>
<p>订单号 ${escapeHtml(trade.outTradeNo)}</p>
<form method="post" action="/cashier/pay">
<input type="hidden" name="session" value="${escapeHtml(session)}">
<button type="submit" id="alipay-pay" data-testid="alipay-pay">确认付款</button>
</form>
${quit}
</main>`,
    );
  }

  // --- the API methods ---------------------------------------------------------------------

  type Answer = Record<string, unknown>;
  const SUCCESS = { code: "10000", msg: "Success" };

  function query(biz: Record<string, unknown>): Answer | Failure {
    const trade = findTrade(biz);
    if ("code" in trade) return trade;
    const paid = trade.paidAt !== undefined;
    return {
      ...SUCCESS,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_logon_id: trade.buyerLogonId,
      trade_status: trade.status,
      total_amount: trade.totalAmount,
      ...(paid && {
        buyer_pay_amount: trade.totalAmount,
        receipt_amount: trade.totalAmount,
        invoice_amount: trade.totalAmount,
        point_amount: "0.00",
        send_pay_date: beijingTime(trade.paidAt),
        buyer_user_id: trade.buyerId,
      }),
    };
  }

  function close(biz: Record<string, unknown>): Answer | Failure {
    const trade = findTrade(biz);
    if ("code" in trade) return trade;
    if (trade.status !== "WAIT_BUYER_PAY") return TRADE_STATUS_ERROR;
    trade.status = "TRADE_CLOSED";
    trade.closedAt = new Date();
    return { ...SUCCESS, trade_no: trade.tradeNo, out_trade_no: trade.outTradeNo };
  }

  function refund(biz: Record<string, unknown>): Answer | Failure {
    const trade = findTrade(biz);
    if ("code" in trade) return trade;
    const fen = toFen(biz.refund_amount);
    if (fen === null) return INVALID_PARAMETER("refund_amount");
    // Without out_request_no a refund is identified by the trade itself (one full refund).
    const outRequestNo = text(biz.out_request_no) || trade.outTradeNo;
    const answer = (fundChange: "Y" | "N", at: Date) => ({
      ...SUCCESS,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      buyer_logon_id: trade.buyerLogonId,
      buyer_user_id: trade.buyerId,
      fund_change: fundChange,
      refund_fee: trade.refundFee,
      send_back_fee: toYuan(fen),
      gmt_refund_pay: beijingTime(at),
    });
    const earlier = refunds.find((r) => r.outTradeNo === trade.outTradeNo && r.outRequestNo === outRequestNo);
    if (earlier) {
      // The same request again: answered as before, and no money moves a second time.
      if (fenOf(earlier.refundAmount) !== fen) return business("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求");
      return answer("N", earlier.refundedAt);
    }
    if (trade.status === "TRADE_FINISHED") return business("ACQ.TRADE_HAS_FINISHED", "交易已完结");
    if (trade.status !== "TRADE_SUCCESS") return TRADE_STATUS_ERROR;
    const refunded = fenOf(trade.refundFee);
    if (refunded + fen > fenOf(trade.totalAmount)) return business("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限");
    const refundedAt = new Date();
    refunds.push({
      outTradeNo: trade.outTradeNo,
      tradeNo: trade.tradeNo,
      outRequestNo,
      refundAmount: toYuan(fen),
      refundReason: text(biz.refund_reason) || undefined,
      refundedAt,
    });
    trade.refundFee = toYuan(refunded + fen);
    // A full refund closes the trade; a partial one leaves it TRADE_SUCCESS.
    if (refunded + fen === fenOf(trade.totalAmount)) {
      trade.status = "TRADE_CLOSED";
      trade.closedAt = refundedAt;
    }
    if (trade.notifyUrl && options.refundNotifications !== false) {
      // gmt_refund carries milliseconds in Alipay's refund notifications.
      const gmtRefund = `${beijingTime(refundedAt)}.${String(refundedAt.getMilliseconds()).padStart(3, "0")}`;
      track(
        notify(trade, "refund", {
          refund_fee: trade.refundFee,
          gmt_refund: gmtRefund,
          out_biz_no: outRequestNo,
          gmt_close: trade.closedAt && trade.status === "TRADE_CLOSED" ? beijingTime(trade.closedAt) : undefined,
        }),
      );
    }
    return answer("Y", refundedAt);
  }

  function refundQuery(biz: Record<string, unknown>): Answer | Failure {
    const trade = findTrade(biz);
    if ("code" in trade) return trade;
    const outRequestNo = text(biz.out_request_no) || trade.outTradeNo;
    const found = refunds.find((r) => r.outTradeNo === trade.outTradeNo && r.outRequestNo === outRequestNo);
    // Documented: an answer without refund data means no such refund succeeded.
    if (!found) return { ...SUCCESS };
    return {
      ...SUCCESS,
      trade_no: trade.tradeNo,
      out_trade_no: trade.outTradeNo,
      out_request_no: outRequestNo,
      total_amount: trade.totalAmount,
      refund_amount: found.refundAmount,
      refund_status: "REFUND_SUCCESS",
      refund_reason: found.refundReason,
      gmt_refund_pay: beijingTime(found.refundedAt),
    };
  }

  function billRows(period: { start: Date; end: Date }): BillRow[] {
    const within = (at: Date) => at >= period.start && at < period.end;
    const account = (trade?: AlipayTrade) => `*客(${trade?.buyerLogonId ?? "159****5620"})`;
    const rows: BillRow[] = [];
    for (const trade of trades.values()) {
      if (foreign.has(trade.outTradeNo) || !trade.paidAt || !within(trade.paidAt)) continue;
      rows.push({
        tradeNo: trade.tradeNo,
        outTradeNo: trade.outTradeNo,
        type: "交易",
        subject: trade.subject,
        createdAt: trade.createdAt,
        finishedAt: trade.paidAt,
        account: account(trade),
        fen: fenOf(trade.totalAmount),
        outRequestNo: "",
        remark: trade.body ?? "",
      });
    }
    for (const [outTradeNo, entry] of foreign) {
      if (!within(entry.paidAt)) continue;
      rows.push({
        tradeNo: entry.tradeNo,
        outTradeNo,
        type: "交易",
        subject: entry.subject,
        createdAt: new Date(entry.paidAt.getTime() - 5_000),
        finishedAt: entry.paidAt,
        account: account(trades.get(outTradeNo)),
        fen: entry.fen,
        outRequestNo: "",
        remark: "",
      });
    }
    for (const r of refunds) {
      if (!within(r.refundedAt)) continue;
      const trade = trades.get(r.outTradeNo);
      rows.push({
        tradeNo: r.tradeNo,
        outTradeNo: r.outTradeNo,
        type: "退款",
        subject: trade?.subject ?? "",
        createdAt: trade?.createdAt ?? r.refundedAt,
        finishedAt: r.refundedAt,
        account: account(trade),
        fen: -fenOf(r.refundAmount),
        outRequestNo: r.outRequestNo,
        remark: trade?.body ?? "",
      });
    }
    return rows.sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime());
  }

  function billUrl(biz: Record<string, unknown>): Answer | Failure {
    const billType = text(biz.bill_type);
    const billDate = text(biz.bill_date);
    if (billType !== "trade" && billType !== "signcustomer") return invalid("isv.invalid-parameter", "bill_type 无效");
    const period = billPeriod(billDate);
    if (!period) return invalid("isv.invalid-parameter", "bill_date 无效");
    // Only the business bill (业务明细) is kept here; no account ledger (signcustomer).
    const rows = billType === "trade" ? billRows(period) : [];
    if (rows.length === 0) return business("isp.bill_not_exist", "账单不存在");
    const now = new Date();
    const account = `${sellerId}0156`;
    const stamp = billDate.replaceAll("-", "");
    const [detail = "", summary = ""] = billCsvs(account, period, rows, now);
    const archive = zip(
      [
        { name: gbk(`${account}_${stamp}_业务明细.csv`), data: gbk(detail) },
        { name: gbk(`${account}_${stamp}_业务明细(汇总).csv`), data: gbk(summary) },
      ],
      now,
    );
    const token = randomUUID().replaceAll("-", "");
    // The download address is good for 30 seconds, as Alipay's.
    bills.set(token, {
      zip: archive,
      fileName: `${account}_${stamp}.csv.zip`,
      expires: now.getTime() + BILL_URL_TTL_MS,
    });
    return { ...SUCCESS, bill_download_url: `${origin}/bill?token=${token}` };
  }

  const API: Record<string, (biz: Record<string, unknown>) => Answer | Failure> = {
    "alipay.trade.query": query,
    "alipay.trade.close": close,
    "alipay.trade.refund": refund,
    "alipay.trade.fastpay.refund.query": refundQuery,
    "alipay.data.dataservice.bill.downloadurl.query": billUrl,
  };

  // --- the gateway -------------------------------------------------------------------------

  /** Why a gateway request is refused before its business is looked at, or null. */
  function protocolProblem(params: Record<string, string>): { failure: Failure; why?: string } | null {
    const required: [string, string, string][] = [
      ["method", "isv.missing-method", "缺少方法名参数"],
      ["sign", "isv.missing-signature", "缺少签名参数"],
      ["sign_type", "isv.missing-signature-type", "缺少签名类型参数"],
      ["app_id", "isv.missing-app-id", "缺少appId参数"],
      ["timestamp", "isv.missing-timestamp", "缺少时间戳参数"],
      ["version", "isv.missing-version", "缺少版本参数"],
    ];
    for (const [name, subCode, subMsg] of required) if (!params[name]) return { failure: missing(subCode, subMsg) };
    const method = params.method ?? "";
    if (!PAGE_METHODS.has(method) && !API[method]) return { failure: invalid("isv.invalid-method", "不存在的方法名") };
    if (params.app_id !== appId) return { failure: invalid("isv.invalid-app-id", "无效的AppID参数") };
    if (params.sign_type !== "RSA2") return { failure: invalid("isv.invalid-signature-type", "无效的签名类型") };
    if (params.charset && params.charset.toLowerCase() !== "utf-8")
      return { failure: invalid("isv.invalid-charset", "字符集错误") };
    if (params.format && params.format.toUpperCase() !== "JSON")
      return { failure: invalid("isv.invalid-format", "无效的数据格式") };
    // The timestamp is read as Beijing time: a server whose clock says UTC and formats local
    // time (alipay-sdk does) is eight hours off and refused.
    const timestamp = parseBeijingTime(params.timestamp ?? "");
    if (!timestamp || Math.abs(Date.now() - timestamp.getTime()) > maxSkewMs)
      return { failure: invalid("isv.invalid-timestamp", "非法的时间戳参数"), why: `timestamp ${params.timestamp}` };
    const content = alipaySignContent(params, { includeSignType: true });
    if (!verifies(content, params.sign ?? "", appKeys.publicPem)) {
      return {
        failure: invalid(
          "isv.invalid-signature",
          `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`,
        ),
        why: "the signature does not verify with the app public key",
      };
    }
    return null;
  }

  function answerApi(res: ServerResponse, method: string, node: Answer | Failure) {
    const key = method ? `${method.replaceAll(".", "_")}_response` : "error_response";
    // The signature covers the response node exactly as it stands in the body; alipay-sdk
    // cuts the text between "<key>": and ,"sign" out of the body and verifies that.
    const nodeText = JSON.stringify(node);
    const sign = createSign("RSA-SHA256").update(nodeText, "utf8").sign(alipayKeys.privatePem, "base64");
    res.writeHead(200, {
      "content-type": "application/json;charset=utf-8",
      trace_id: randomUUID().replaceAll("-", ""),
    });
    res.end(`{"${key}":${nodeText},"sign":"${sign}"}`);
  }

  function answerHtml(res: ServerResponse, html: string, status = 200) {
    res.writeHead(status, { "content-type": "text/html;charset=utf-8" });
    res.end(html);
  }

  function gateway(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) {
    // Common parameters come in the query string, the rest in the form body (either may hold any).
    const params: Record<string, string> = {};
    for (const [key, value] of url.searchParams) params[key] ??= value;
    if (req.method === "POST" && String(req.headers["content-type"] ?? "").includes("x-www-form-urlencoded")) {
      for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] ??= value;
    }
    const method = params.method ?? "";
    const isPage = PAGE_METHODS.has(method);
    const fail = (failure: Failure, why?: string) => {
      refuse(method, failure, why);
      return isPage ? answerHtml(res, errorPage(failure)) : answerApi(res, method, failure);
    };
    const problem = protocolProblem(params);
    if (problem) return fail(problem.failure, problem.why);
    let biz: Record<string, unknown> = {};
    if (params.biz_content) {
      try {
        const parsed: unknown = JSON.parse(params.biz_content);
        if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        biz = parsed as Record<string, unknown>;
      } catch {
        return fail(invalid("isv.invalid-parameter", "biz_content 不是 JSON 对象"));
      }
    }
    if (isPage) {
      const opened = openCashier(method, params, biz);
      if ("code" in opened) return fail(opened, `${opened.sub_msg} (${text(biz.out_trade_no)})`);
      const session = randomUUID();
      cashierSessions.set(session, opened.outTradeNo);
      // Like Alipay, the gateway sends the browser on to the cashier page.
      res.writeHead(302, { location: `/cashier/${session}` });
      return res.end();
    }
    const handler = API[method];
    const answer = handler ? handler(biz) : invalid("isv.invalid-method", "不存在的方法名");
    if (answer.code !== "10000") refuse(method, answer as Failure, `${(answer as Failure).sub_msg}`);
    return answerApi(res, method, answer);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    const body = await readBody(req);
    if (url.pathname === "/gateway.do") return gateway(req, res, url, body);

    const cashier = /^\/cashier\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (cashier && req.method === "GET") {
      const session = cashier[1] ?? "";
      const trade = trades.get(cashierSessions.get(session) ?? "");
      const problem = payProblem(trade);
      if (problem || !trade) return answerHtml(res, errorPage(problem ?? TRADE_NOT_EXIST));
      return answerHtml(res, cashierPage(session, trade));
    }

    if (url.pathname === "/cashier/pay" && req.method === "POST") {
      const session = new URLSearchParams(body.toString("utf8")).get("session") ?? "";
      const outTradeNo = cashierSessions.get(session) ?? "";
      try {
        // The notification is delivered before the browser is sent back, so a test that
        // follows the browser finds the app already told (Alipay gives no such promise).
        const { returnUrl } = await pay(outTradeNo);
        if (returnUrl) {
          res.writeHead(302, { location: returnUrl });
          return res.end();
        }
        return answerHtml(res, page("支付宝 - 支付成功", `<main data-testid="alipay-paid"><h1>支付成功</h1></main>`));
      } catch (error) {
        if (error instanceof AlipayTradeError) return answerHtml(res, errorPage(error.failure));
        throw error;
      }
    }

    if (url.pathname === "/bill" && req.method === "GET") {
      const bill = bills.get(url.searchParams.get("token") ?? "");
      if (!bill || Date.now() > bill.expires) {
        res.writeHead(404, { "content-type": "text/plain;charset=utf-8" });
        return res.end("bill download address unknown or expired");
      }
      res.writeHead(200, {
        "content-type": "application/oct-stream",
        "content-disposition": `attachment; filename=${bill.fileName}`,
      });
      return res.end(bill.zip);
    }

    if (url.pathname === "/__test/pay" && req.method === "POST") {
      let input: Record<string, unknown> = {};
      try {
        input = JSON.parse(body.toString("utf8") || "{}") as Record<string, unknown>;
      } catch {
        // an empty object: answered below as an unknown trade
      }
      try {
        const result = await pay(text(input.out_trade_no), {
          amount: input.total_amount === undefined ? undefined : text(input.total_amount),
          notify: input.notify !== false,
          tradeStatus: input.trade_status === "TRADE_FINISHED" ? "TRADE_FINISHED" : undefined,
        });
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(
          JSON.stringify({
            trade_no: result.trade.tradeNo,
            trade_status: result.trade.status,
            total_amount: result.trade.totalAmount,
            return_url: result.returnUrl,
            notification: result.notification && {
              status: result.notification.status,
              answer: result.notification.answer,
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof AlipayTradeError)) throw error;
        res.writeHead(409, { "content-type": "application/json" });
        return res.end(JSON.stringify(error.failure));
      }
    }

    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/gateway.do`,
    origin,
    appId,
    sellerId,
    appPrivateKeyPem: appKeys.privatePem,
    appPublicKeyPem: appKeys.publicPem,
    alipayPublicKeyPem: alipayKeys.publicPem,
    alipayPrivateKeyPem: alipayKeys.privatePem,
    trades,
    refunds,
    refused,
    notifications,
    pay,
    async finish(outTradeNo) {
      const trade = trades.get(outTradeNo);
      if (trade?.status !== "TRADE_SUCCESS") throw new AlipayTradeError(TRADE_STATUS_ERROR);
      trade.status = "TRADE_FINISHED";
      return trade.notifyUrl ? track(notify(trade, "finished")) : undefined;
    },
    async expire(outTradeNo) {
      const trade = trades.get(outTradeNo);
      if (trade?.status !== "WAIT_BUYER_PAY") throw new AlipayTradeError(TRADE_STATUS_ERROR);
      trade.status = "TRADE_CLOSED";
      trade.closedAt = new Date();
      return trade.notifyUrl ? track(notify(trade, "closed", { gmt_close: beijingTime(trade.closedAt) })) : undefined;
    },
    redeliver(id) {
      const notification = notifications.find((n) => n.id === id);
      if (!notification) throw new Error(`no notification ${id}`);
      return track(deliver(notification));
    },
    notificationFor(outTradeNo, overrides = {}) {
      const trade = trades.get(outTradeNo);
      if (!trade) throw new AlipayTradeError(TRADE_NOT_EXIST);
      // An unpaid trade gets the notification its payment would bring.
      const paid: AlipayTrade = trade.paidAt
        ? trade
        : {
            ...trade,
            status: "TRADE_SUCCESS",
            paidAt: new Date(),
            buyerId: `2088${digits(12)}`,
            buyerLogonId: "159****5620",
          };
      const params: Record<string, string | undefined> = { ...notificationParams(paid, {}) };
      delete params.sign;
      for (const [key, value] of Object.entries(overrides)) params[key] = value ?? undefined;
      const signed: Record<string, string> = {};
      for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") signed[key] = value;
      signed.sign = signAlipayParams(signed, alipayKeys.privatePem);
      return new URLSearchParams(signed).toString();
    },
    sign: (params, privateKeyPem) => signAlipayParams(params, privateKeyPem),
    addForeignTrade(input) {
      const fen = toFen(input.total_amount);
      if (fen === null) throw new Error(`not an amount: ${input.total_amount}`);
      const known = trades.get(input.out_trade_no);
      const tradeNo = input.trade_no ?? known?.tradeNo ?? newTradeNo(input.paidAt);
      const subject = input.subject ?? known?.subject ?? "商品";
      foreign.set(input.out_trade_no, { tradeNo, fen, paidAt: input.paidAt, subject });
      if (known) return known;
      // A trade the app never heard of exists at Alipay all the same: query and refund see it.
      const trade: AlipayTrade = {
        outTradeNo: input.out_trade_no,
        tradeNo,
        totalAmount: toYuan(fen),
        subject,
        productCode: "FAST_INSTANT_TRADE_PAY",
        method: "alipay.trade.page.pay",
        status: "TRADE_SUCCESS",
        createdAt: new Date(input.paidAt.getTime() - 5_000),
        paidAt: input.paidAt,
        buyerId: `2088${digits(12)}`,
        buyerLogonId: "159****5620",
        refundFee: "0.00",
        opened: 0,
        foreign: true,
      };
      trades.set(trade.outTradeNo, trade);
      return trade;
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
