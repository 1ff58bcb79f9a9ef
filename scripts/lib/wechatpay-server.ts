import {
  createCipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  createSign,
  createVerify,
  generateKeyPair,
  type KeyObject,
  randomBytes,
  randomInt,
  randomUUID,
} from "node:crypto";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";

// A local WeChat Pay API v3 endpoint for tests. It plays WeChat Pay toward the app the
// way the v3 documentation describes the protocol: every /v3 request must carry a
// WECHATPAY2-SHA256-RSA2048 Authorization signed with the merchant's private key, every
// answer is signed with the "platform" private key (the 微信支付公钥 mode, identified by a
// public key id), and payment and refund notifications are signed the same way with their
// resource encrypted by AEAD_AES_256_GCM under the API v3 key. The app talks to it with its
// real client library (wechatpay-axios-plugin) pointed here by its base URL.
//
// Test controls play the payer (pay, the H5 page, the JSAPI bridge), WeChat's own side
// (expire, close, refund completion, notification redelivery) and an attacker (forged or
// replayed notifications). WeChat's OAuth (公众号网页授权, snsapi_base) is served here too,
// so the JSAPI flow can obtain an openid without the real open.weixin.qq.com.

export type TradeType = "NATIVE" | "JSAPI" | "MWEB";
export type TradeState = "NOTPAY" | "SUCCESS" | "CLOSED" | "REFUND";

/** What WeChat Pay knows about a payment, as the query API and the notification show it. */
export type Transaction = {
  appid: string;
  mchid: string;
  out_trade_no: string;
  transaction_id?: string;
  trade_type: TradeType;
  trade_state: TradeState;
  trade_state_desc: string;
  bank_type?: string;
  attach?: string;
  success_time?: string;
  payer?: { openid: string };
  amount: { total: number; payer_total?: number; currency: "CNY"; payer_currency?: "CNY" };
};

export type Payment = {
  transactionId: string;
  /** RFC 3339 in Beijing time, e.g. 2025-01-02T03:04:05+08:00. */
  successTime: string;
  openid: string;
  bankType: string;
  /** What the payer actually paid, in fen (differs from the order's total only when a test says so). */
  total: number;
};

export type WechatPayOrder = {
  tradeType: TradeType;
  appid: string;
  mchid: string;
  description: string;
  outTradeNo: string;
  notifyUrl: string;
  attach?: string;
  timeExpire?: string;
  /** The order's total in fen. */
  total: number;
  /** The JSAPI payer (payer.openid in the request). */
  openid?: string;
  payerClientIp?: string;
  prepayId: string;
  codeUrl?: string;
  h5Url?: string;
  state: TradeState;
  /** Past its time_expire (or expired by a test): it can no longer be paid, though WeChat still says NOTPAY. */
  expired: boolean;
  payment?: Payment;
  /** Refunded so far, in fen. */
  refunded: number;
  /** How many times the app called the create API for this out_trade_no. */
  createCount: number;
  /** How many times the app called the close API for this out_trade_no. */
  closeCount: number;
  createdAt: Date;
};

export type RefundStatus = "PROCESSING" | "SUCCESS" | "CLOSED" | "ABNORMAL";

/** The refund object as the refund APIs answer it. */
export type Refund = {
  refund_id: string;
  out_refund_no: string;
  transaction_id: string;
  out_trade_no: string;
  channel: "ORIGINAL";
  user_received_account: string;
  success_time?: string;
  create_time: string;
  status: RefundStatus;
  funds_account: "AVAILABLE";
  amount: {
    total: number;
    refund: number;
    payer_total: number;
    payer_refund: number;
    settlement_refund: number;
    settlement_total: number;
    discount_refund: number;
    currency: "CNY";
    refund_fee: number;
  };
  promotion_detail: never[];
};

export type RefundRecord = {
  refund: Refund;
  reason?: string;
  notifyUrl?: string;
  /** How many times the app asked for this out_refund_no (only the first one refunded). */
  requestCount: number;
};

/** A notification delivery attempt to the app, with what the app answered. */
export type SentNotification = {
  id: string;
  eventType: string;
  outTradeNo: string;
  outRefundNo?: string;
  url: string;
  /** 1 for the first delivery, 2+ for retries and redeliveries. */
  attempt: number;
  headers: Record<string, string>;
  body: string;
  /** The decrypted resource, for assertions. */
  resource: Record<string, unknown>;
  /** The app's HTTP status, or 0 when the connection failed (then see `error`). */
  status: number;
  answer: string;
  error?: string;
  at: Date;
};

/** A forged or prepared notification: send it yourself (e.g. with `post`), alter it, replay it. */
export type PreparedNotification = {
  id: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  resource: Record<string, unknown>;
};

export type NotificationOverrides = {
  id?: string;
  eventType?: string;
  summary?: string;
  createTime?: string;
  /** Fields merged into the plaintext resource (e.g. a different trade_state). */
  resource?: Record<string, unknown>;
  /** Sets amount.total and amount.payer_total in the resource (fen). */
  amount?: number;
  /** Unix seconds for Wechatpay-Timestamp (e.g. an old one). */
  timestamp?: number | string;
  nonce?: string;
  serial?: string;
  /** Sign with this key instead of the platform key (a forger's key). */
  privateKeyPem?: string;
  /** Encrypt the resource with this key instead of the API v3 key. */
  apiV3Key?: string;
};

/** One line of the trade bill; amounts in fen (the file shows yuan). */
export type BillRow = {
  /** "YYYY-MM-DD HH:mm:ss", Beijing time; its date is the bill's day. */
  tradeTime: string;
  appid: string;
  mchid: string;
  subMchid: string;
  deviceInfo: string;
  transactionId: string;
  outTradeNo: string;
  openid: string;
  tradeType: string;
  tradeState: string;
  bankType: string;
  currency: string;
  settlementTotal: number;
  coupon: number;
  refundId: string;
  outRefundNo: string;
  refund: number;
  couponRefund: number;
  refundType: string;
  refundStatus: string;
  description: string;
  attach: string;
  fee: number;
  rate: string;
  orderTotal: number;
  refundApplied: number;
  rateNote: string;
};

export type RecordedRequest = { method: string; path: string; status: number; code?: string };

export type PayOptions = {
  /** Pay this total (fen) instead of the order's, to simulate tampering. */
  amount?: number;
  /** false: pay without notifying the app (so it has to query). */
  notify?: boolean;
  paidAt?: Date;
  openid?: string;
  bankType?: string;
};

export type WechatPayServerOptions = {
  mchid?: string;
  appid?: string;
  appSecret?: string;
  merchantSerial?: string;
  merchantPrivateKeyPem?: string;
  platformPrivateKeyPem?: string;
  publicKeyId?: string;
  apiV3Key?: string;
  /** The openid a payer gets when a test does not choose one. */
  openid?: string;
  /** Wait this long after a payment before notifying (default 0). */
  notifyDelayMs?: number;
  /** A refund succeeds this long after it was accepted (default 50); null: only `completeRefund` settles it. */
  refundDelayMs?: number | null;
  /** Redeliver a notification the app did not answer with 2xx this many more times (default 0). */
  retryOnFailure?: number;
  retryDelayMs?: number;
};

export type WechatPayServer = {
  url: string;
  mchid: string;
  appid: string;
  appSecret: string;
  merchantSerial: string;
  merchantPrivateKeyPem: string;
  merchantPublicKeyPem: string;
  apiV3Key: string;
  publicKeyId: string;
  platformPublicKeyPem: string;
  defaultOpenid: string;
  orders: Map<string, WechatPayOrder>;
  refunds: Map<string, RefundRecord>;
  /** Requests refused for their signature (with why). */
  refused: string[];
  /** Every /v3 request with the status it got. */
  requests: RecordedRequest[];
  /** Every notification delivery attempt, with the app's answer. */
  notifications: SentNotification[];
  /** The transaction as the query API would answer it. */
  transaction(outTradeNo: string): Transaction;
  /** The payer pays: the order becomes SUCCESS and (unless notify: false) the app is notified. Throws when WeChat would refuse. */
  pay(outTradeNo: string, options?: PayOptions): Transaction;
  /** The order's time_expire passed: it can no longer be paid. */
  expire(outTradeNo: string): void;
  /** WeChat's side closes the order (as after expiry); the app did not ask. */
  close(outTradeNo: string): void;
  /** How many times the app called the close API for this order. */
  closeCount(outTradeNo: string): number;
  /** Settles a PROCESSING refund now (for refundDelayMs: null) and notifies when it has a notify_url. */
  completeRefund(outRefundNo: string, status?: "SUCCESS" | "CLOSED" | "ABNORMAL"): void;
  /** The payment notification WeChat would send for this order (as if paid when it is not), without sending it. */
  notificationFor(outTradeNo: string, overrides?: NotificationOverrides): PreparedNotification;
  /** The refund notification WeChat would send for this refund, without sending it. */
  refundNotificationFor(outRefundNo: string, overrides?: NotificationOverrides): PreparedNotification;
  /** Sends a prepared notification to its url (or another) and returns the app's answer. */
  post(notification: PreparedNotification, url?: string): Promise<{ status: number; body: string }>;
  /** Sends a notification already delivered once again (same id and body, fresh signature headers). */
  redeliver(notificationId: string): Promise<SentNotification>;
  /** base64 SHA256withRSA over `TIMESTAMP\nNONCE\nBODY\n`, as WeChat signs answers and notifications. */
  signWith(privateKeyPem: string, timestamp: number | string, nonce: string, body: string): string;
  /** Puts a row in a day's trade bill that does not come from an order here (e.g. "paid there, not here"). */
  addBillRow(row: Partial<BillRow> & { outTradeNo: string; total: number }): BillRow;
  /** Shorthand for addBillRow of a SUCCESS payment. */
  recordForeignPayment(payment: { out_trade_no: string; total: number; success_time?: string | Date }): BillRow;
  /** Changes the bill row of an order here (e.g. a different amount than the app recorded). */
  alterBillRow(outTradeNo: string, patch: Partial<BillRow>): void;
  /** The bill text WeChat would serve for a day (YYYY-MM-DD), or null when there is no trade that day. */
  billFor(day: string, type?: "ALL" | "SUCCESS" | "REFUND"): string | null;
  /** The openid a test user gets from OAuth (authorize with test_user=…). */
  openidFor(testUser: string): string;
  /** The next OAuth code yields this openid. */
  setNextOpenid(openid: string): void;
  /** Resolves when every scheduled notification, retry and refund completion has happened. */
  settled(): Promise<void>;
  stop(): Promise<void>;
};

type Json = Record<string, unknown>;

const AUTH_SCHEMA = "WECHATPAY2-SHA256-RSA2048";
const MAX_SKEW_SECONDS = 300;
const BILL_TOKEN_TTL_MS = 30_000;
const OAUTH_CODE_TTL_MS = 5 * 60_000;
const FEE_RATE = 0.006;

const BILL_HEADER =
  "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注";
const BILL_SUMMARY_HEADER =
  "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额";

const STATE_DESC: Record<TradeState, string> = {
  NOTPAY: "订单未支付",
  SUCCESS: "支付成功",
  CLOSED: "订单已关闭",
  REFUND: "转入退款",
};

/** A WeChat Pay error answer: `{code, message}` with its documented HTTP status. */
class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomAlnum(length: number): string {
  return [...randomBytes(length)].map((b) => ALPHANUMERIC[b % 62]).join("");
}

function randomDigits(length: number): string {
  return Array.from({ length }, () => randomInt(10)).join("");
}

/** RFC 3339 in Beijing time, the form WeChat Pay uses for every time it sends. */
function beijingTime(date: Date): string {
  return `${new Date(date.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** "YYYY-MM-DD HH:mm:ss" in Beijing time from an RFC 3339 time in +08:00 (as this server writes them). */
function billTime(rfc3339: string): string {
  return `${rfc3339.slice(0, 10)} ${rfc3339.slice(11, 19)}`;
}

function yuan(fen: number): string {
  return (fen / 100).toFixed(2);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function rsaSign(message: string, key: KeyObject): string {
  return createSign("RSA-SHA256").update(message).sign(key, "base64");
}

function rsaVerify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify("RSA-SHA256").update(message).verify(key, signature, "base64");
  } catch {
    return false;
  }
}

/** AEAD_AES_256_GCM as WeChat Pay uses it: base64(ciphertext || 16-byte tag). */
function aesGcmEncrypt(plaintext: string, key: string, nonce: string, associatedData: string): string {
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(key), Buffer.from(nonce));
  cipher.setAAD(Buffer.from(associatedData));
  return Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]).toString("base64");
}

function generateRsaKey(): Promise<string> {
  return new Promise((resolve, reject) =>
    generateKeyPair(
      "rsa",
      {
        modulusLength: 2048,
        privateKeyEncoding: { type: "pkcs8", format: "pem" },
        publicKeyEncoding: { type: "spki", format: "pem" },
      },
      (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey)),
    ),
  );
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** POSTs with node:http (notify URLs in tests are loopback http), with WeChat's 5 second patience. */
function postText(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: 0, body: "", error: `not a URL: ${url}` });
    }
    if (target.protocol !== "http:") return resolve({ status: 0, body: "", error: "only http:// notify URLs here" });
    const req = httpRequest(
      target,
      { method: "POST", headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) }, timeout: 5000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", (error) => resolve({ status: 0, body: "", error: error.message }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timed out after 5 s")));
    req.on("error", (error) => resolve({ status: 0, body: "", error: error.message }));
    req.end(body);
  });
}

// Field checks that answer the way WeChat Pay's PARAM_ERROR does, naming the JSON pointer.

function missing(pointer: string): WechatPayError {
  return new WechatPayError(
    400,
    "PARAM_ERROR",
    `输入源"/body${pointer}"映射到值字段必填性规则校验失败，此字段为必填项`,
  );
}

function invalid(pointer: string, why: string): WechatPayError {
  return new WechatPayError(400, "PARAM_ERROR", `输入源"/body${pointer}"映射到值字段校验失败：${why}`);
}

function str(obj: Json, field: string, pointer: string, max = 256): string {
  const value = obj[field];
  if (value === undefined || value === null || value === "") throw missing(pointer);
  if (typeof value !== "string") throw invalid(pointer, "应为字符串");
  if (value.length > max) throw invalid(pointer, `长度不能超过${max}`);
  return value;
}

function optStr(obj: Json, field: string, pointer: string, max = 256): string | undefined {
  return obj[field] === undefined || obj[field] === null ? undefined : str(obj, field, pointer, max);
}

function objectField(obj: Json, field: string, pointer: string): Json {
  const value = obj[field];
  if (value === undefined || value === null) throw missing(pointer);
  if (typeof value !== "object" || Array.isArray(value)) throw invalid(pointer, "应为对象");
  return value as Json;
}

function positiveInt(obj: Json, field: string, pointer: string): number {
  const value = obj[field];
  if (value === undefined || value === null) throw missing(pointer);
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1)
    throw invalid(pointer, "应为正整数（单位：分）");
  return value;
}

function currency(obj: Json, pointer: string): void {
  if (obj.currency !== undefined && obj.currency !== "CNY") throw invalid(pointer, "仅支持CNY");
}

function notifyUrl(obj: Json, field: string, required: boolean): string | undefined {
  const value = required ? str(obj, field, `/${field}`) : optStr(obj, field, `/${field}`);
  if (value === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw invalid(`/${field}`, "不是合法的URL");
  }
  // The docs forbid query parameters in notify URLs (and want https outside a private line;
  // tests use loopback http, so both schemes pass here).
  if (!/^https?:$/.test(parsed.protocol)) throw invalid(`/${field}`, "必须为http或https地址");
  if (parsed.search) throw invalid(`/${field}`, "通知URL不能携带参数");
  return value;
}

type AuthParams = { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string };

function parseAuthorization(header: string | undefined): AuthParams | null {
  if (!header?.startsWith(`${AUTH_SCHEMA} `)) return null;
  const params: Record<string, string> = {};
  for (const [, key = "", value = ""] of header.slice(AUTH_SCHEMA.length + 1).matchAll(/(\w+)="([^"]*)"/g)) {
    params[key] = value;
  }
  const { mchid, nonce_str, signature, timestamp, serial_no } = params;
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return null;
  return { mchid, nonce_str, signature, timestamp, serial_no };
}

function billLine(row: BillRow): string {
  const cells = [
    row.tradeTime,
    row.appid,
    row.mchid,
    row.subMchid,
    row.deviceInfo,
    row.transactionId,
    row.outTradeNo,
    row.openid,
    row.tradeType,
    row.tradeState,
    row.bankType,
    row.currency,
    yuan(row.settlementTotal),
    yuan(row.coupon),
    row.refundId,
    row.outRefundNo,
    yuan(row.refund),
    yuan(row.couponRefund),
    row.refundType,
    row.refundStatus,
    row.description,
    row.attach,
    yuan(row.fee),
    row.rate,
    yuan(row.orderTotal),
    yuan(row.refundApplied),
    row.rateNote,
  ];
  return cells.map((cell) => `\`${cell}`).join(",");
}

/** Starts the endpoint on a free loopback port, with fresh keys unless the options bring some. */
export async function startWechatPayServer(options: WechatPayServerOptions = {}): Promise<WechatPayServer> {
  const mchid = options.mchid ?? "1900000001";
  const appid = options.appid ?? "wx0000000000000001";
  const appSecret = options.appSecret ?? randomBytes(16).toString("hex");
  const merchantSerial = options.merchantSerial ?? randomBytes(20).toString("hex").toUpperCase();
  const [merchantPrivateKeyPem, platformPrivateKeyPem] = await Promise.all([
    options.merchantPrivateKeyPem ?? generateRsaKey(),
    options.platformPrivateKeyPem ?? generateRsaKey(),
  ]);
  const publicKeyId = options.publicKeyId ?? `PUB_KEY_ID_0114${randomDigits(24)}`;
  const apiV3Key = options.apiV3Key ?? randomAlnum(32);
  if (Buffer.byteLength(apiV3Key) !== 32) throw new Error("the API v3 key must be 32 ASCII characters");
  const merchantPublicKey = createPublicKey(merchantPrivateKeyPem);
  const platformPrivateKey = createPrivateKey(platformPrivateKeyPem);
  const platformPublicKeyPem = createPublicKey(platformPrivateKey).export({ type: "spki", format: "pem" }).toString();
  const notifyDelayMs = options.notifyDelayMs ?? 0;
  const refundDelayMs = options.refundDelayMs === undefined ? 50 : options.refundDelayMs;
  const retryOnFailure = options.retryOnFailure ?? 0;
  const retryDelayMs = options.retryDelayMs ?? 100;

  const openidFor = (testUser: string) =>
    `o${createHash("sha256").update(`${appid}:${testUser}`).digest("base64url").slice(0, 27)}`;
  const defaultOpenid = options.openid ?? openidFor("default");

  const orders = new Map<string, WechatPayOrder>();
  const refunds = new Map<string, RefundRecord>();
  const refused: string[] = [];
  const requests: RecordedRequest[] = [];
  const notifications: SentNotification[] = [];
  const prepared = new Map<
    string,
    Omit<PreparedNotification, "headers"> & { outTradeNo: string; outRefundNo?: string }
  >();
  const nonces = new Map<string, number>();
  const billTokens = new Map<string, { file: Buffer; expiresAt: number }>();
  const foreignRows: BillRow[] = [];
  const billPatches = new Map<string, Partial<BillRow>>();
  const oauthCodes = new Map<string, { openid: string; used: boolean; expiresAt: number }>();
  let nextOpenid: string | null = null;
  let baseUrl = "";

  // Scheduled work (delayed notifications, retries, refund completions), so a test can wait
  // for all of it and stop() can cancel what has not started.
  const pending = new Set<Promise<void>>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  function later(ms: number, work: () => unknown): void {
    const done = new Promise<void>((resolve) => {
      const timer = setTimeout(async () => {
        timers.delete(timer);
        try {
          await work();
        } catch {
          // Work here only records what happened; a failure must not leave settled() waiting.
        } finally {
          resolve();
        }
      }, ms);
      timers.set(timer, resolve);
    });
    pending.add(done);
    void done.then(() => pending.delete(done));
  }

  function signedHeaders(body: string, overrides: NotificationOverrides = {}): Record<string, string> {
    const timestamp = String(overrides.timestamp ?? nowSeconds());
    const nonce = overrides.nonce ?? randomAlnum(32);
    const key = overrides.privateKeyPem ? createPrivateKey(overrides.privateKeyPem) : platformPrivateKey;
    return {
      "Wechatpay-Timestamp": timestamp,
      "Wechatpay-Nonce": nonce,
      "Wechatpay-Serial": overrides.serial ?? publicKeyId,
      "Wechatpay-Signature": rsaSign(`${timestamp}\n${nonce}\n${body}\n`, key),
      "Wechatpay-Signature-Type": AUTH_SCHEMA,
    };
  }

  function orderOf(outTradeNo: string): WechatPayOrder {
    const order = orders.get(outTradeNo);
    if (!order) throw new Error(`no order ${outTradeNo} at the WeChat Pay test server`);
    return order;
  }

  function isExpired(order: WechatPayOrder): boolean {
    return order.expired || (order.timeExpire !== undefined && Date.parse(order.timeExpire) <= Date.now());
  }

  function transaction(outTradeNo: string): Transaction {
    const order = orderOf(outTradeNo);
    const paid = order.payment;
    return {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.outTradeNo,
      ...(paid ? { transaction_id: paid.transactionId } : {}),
      trade_type: order.tradeType,
      trade_state: order.state,
      trade_state_desc: STATE_DESC[order.state],
      ...(paid ? { bank_type: paid.bankType } : {}),
      ...(order.attach !== undefined ? { attach: order.attach } : {}),
      ...(paid ? { success_time: paid.successTime } : {}),
      ...(paid ? { payer: { openid: paid.openid } } : order.openid ? { payer: { openid: order.openid } } : {}),
      amount: paid
        ? { total: paid.total, payer_total: paid.total, currency: "CNY", payer_currency: "CNY" }
        : { total: order.total, currency: "CNY", payer_currency: "CNY" },
    };
  }

  function buildNotification(
    kind: "transaction" | "refund",
    resource: Json,
    url: string,
    defaults: { eventType: string; summary: string },
    overrides: NotificationOverrides,
  ): PreparedNotification {
    const plaintext: Json = { ...resource, ...overrides.resource };
    if (overrides.amount !== undefined) {
      plaintext.amount = { ...(plaintext.amount as Json), total: overrides.amount, payer_total: overrides.amount };
    }
    const nonce = randomAlnum(12);
    const id = overrides.id ?? randomUUID();
    const body = JSON.stringify({
      id,
      create_time: overrides.createTime ?? beijingTime(new Date()),
      resource_type: "encrypt-resource",
      event_type: overrides.eventType ?? defaults.eventType,
      summary: overrides.summary ?? defaults.summary,
      resource: {
        original_type: kind,
        algorithm: "AEAD_AES_256_GCM",
        ciphertext: aesGcmEncrypt(JSON.stringify(plaintext), overrides.apiV3Key ?? apiV3Key, nonce, kind),
        associated_data: kind,
        nonce,
      },
    });
    return {
      id,
      url,
      headers: { "Content-Type": "application/json", "User-Agent": "Mozilla/4.0", ...signedHeaders(body, overrides) },
      body,
      resource: plaintext,
    };
  }

  function notificationFor(outTradeNo: string, overrides: NotificationOverrides = {}): PreparedNotification {
    const order = orderOf(outTradeNo);
    const current = transaction(outTradeNo);
    // An unpaid order gets a plausible payment, so forged "paid" notifications look real.
    const resource: Json = order.payment
      ? current
      : {
          ...current,
          transaction_id: `4200${randomDigits(24)}`,
          trade_state: "SUCCESS",
          trade_state_desc: STATE_DESC.SUCCESS,
          bank_type: "OTHERS",
          success_time: beijingTime(new Date()),
          payer: { openid: order.openid ?? defaultOpenid },
          amount: { total: order.total, payer_total: order.total, currency: "CNY", payer_currency: "CNY" },
        };
    // The notification reports the payment itself, even for an order refunded since.
    resource.trade_state = "SUCCESS";
    resource.trade_state_desc = STATE_DESC.SUCCESS;
    return buildNotification(
      "transaction",
      resource,
      order.notifyUrl,
      { eventType: "TRANSACTION.SUCCESS", summary: "支付成功" },
      overrides,
    );
  }

  function refundResource(record: RefundRecord): Json {
    const { refund } = record;
    return {
      mchid,
      out_trade_no: refund.out_trade_no,
      transaction_id: refund.transaction_id,
      out_refund_no: refund.out_refund_no,
      refund_id: refund.refund_id,
      refund_status: refund.status,
      ...(refund.success_time ? { success_time: refund.success_time } : {}),
      user_received_account: refund.user_received_account,
      amount: {
        total: refund.amount.total,
        refund: refund.amount.refund,
        payer_total: refund.amount.payer_total,
        payer_refund: refund.amount.payer_refund,
      },
    };
  }

  const REFUND_EVENTS: Record<RefundStatus, { eventType: string; summary: string }> = {
    SUCCESS: { eventType: "REFUND.SUCCESS", summary: "退款成功" },
    ABNORMAL: { eventType: "REFUND.ABNORMAL", summary: "退款异常" },
    CLOSED: { eventType: "REFUND.CLOSED", summary: "退款关闭" },
    PROCESSING: { eventType: "REFUND.PROCESSING", summary: "退款处理中" },
  };

  function refundNotificationFor(outRefundNo: string, overrides: NotificationOverrides = {}): PreparedNotification {
    const record = refunds.get(outRefundNo);
    if (!record) throw new Error(`no refund ${outRefundNo} at the WeChat Pay test server`);
    const url = record.notifyUrl ?? orderOf(record.refund.out_trade_no).notifyUrl;
    return buildNotification(
      "refund",
      refundResource(record),
      url,
      REFUND_EVENTS[record.refund.status === "PROCESSING" ? "SUCCESS" : record.refund.status],
      overrides,
    );
  }

  async function deliver(
    notification: Omit<PreparedNotification, "headers"> & { outTradeNo: string; outRefundNo?: string },
    attempt: number,
    retry = true,
  ): Promise<SentNotification> {
    const eventType = String((JSON.parse(notification.body) as Json).event_type);
    // Each delivery is signed afresh (new timestamp and nonce); the body and its id stay the same.
    const headers = {
      "Content-Type": "application/json",
      "User-Agent": "Mozilla/4.0",
      ...signedHeaders(notification.body),
    };
    const answer = await postText(notification.url, headers, notification.body);
    const sent: SentNotification = {
      id: notification.id,
      eventType,
      outTradeNo: notification.outTradeNo,
      ...(notification.outRefundNo ? { outRefundNo: notification.outRefundNo } : {}),
      url: notification.url,
      attempt,
      headers,
      body: notification.body,
      resource: notification.resource,
      status: answer.status,
      answer: answer.body,
      ...(answer.error ? { error: answer.error } : {}),
      at: new Date(),
    };
    notifications.push(sent);
    // WeChat takes any 2xx as received; otherwise it tries again later (here: soon, a few times).
    const delivered = answer.status >= 200 && answer.status < 300;
    if (!delivered && retry && attempt <= retryOnFailure) later(retryDelayMs, () => deliver(notification, attempt + 1));
    return sent;
  }

  function send(notification: PreparedNotification, outTradeNo: string, outRefundNo?: string, delayMs = 0): void {
    const stored = { ...notification, outTradeNo, ...(outRefundNo ? { outRefundNo } : {}) };
    prepared.set(notification.id, stored);
    later(delayMs, () => deliver(stored, 1));
  }

  function pay(outTradeNo: string, payOptions: PayOptions = {}): Transaction {
    const order = orderOf(outTradeNo);
    if (order.state === "SUCCESS" || order.state === "REFUND") throw new Error(`order ${outTradeNo} is already paid`);
    if (order.state === "CLOSED") throw new Error(`order ${outTradeNo} is closed`);
    if (isExpired(order)) throw new Error(`order ${outTradeNo} has expired`);
    order.state = "SUCCESS";
    order.payment = {
      transactionId: `4200${randomDigits(24)}`,
      successTime: beijingTime(payOptions.paidAt ?? new Date()),
      openid: payOptions.openid ?? order.openid ?? defaultOpenid,
      bankType: payOptions.bankType ?? "OTHERS",
      total: payOptions.amount ?? order.total,
    };
    if (payOptions.notify !== false) send(notificationFor(outTradeNo), outTradeNo, undefined, notifyDelayMs);
    return transaction(outTradeNo);
  }

  function completeRefund(outRefundNo: string, status: "SUCCESS" | "CLOSED" | "ABNORMAL" = "SUCCESS"): void {
    const record = refunds.get(outRefundNo);
    if (!record) throw new Error(`no refund ${outRefundNo} at the WeChat Pay test server`);
    if (record.refund.status !== "PROCESSING") return;
    record.refund.status = status;
    if (status === "SUCCESS") record.refund.success_time = beijingTime(new Date());
    // A closed refund gives the amount back to refund later; an abnormal one has left the merchant.
    if (status === "CLOSED") orderOf(record.refund.out_trade_no).refunded -= record.refund.amount.refund;
    if (record.notifyUrl) send(refundNotificationFor(outRefundNo), record.refund.out_trade_no, outRefundNo);
  }

  // ---- The trade bill ----

  function paymentRow(order: WechatPayOrder, payment: Payment): BillRow {
    const fee = Math.round(payment.total * FEE_RATE);
    return {
      tradeTime: billTime(payment.successTime),
      appid: order.appid,
      mchid: order.mchid,
      subMchid: "0",
      deviceInfo: "",
      transactionId: payment.transactionId,
      outTradeNo: order.outTradeNo,
      openid: payment.openid,
      tradeType: order.tradeType,
      tradeState: "SUCCESS",
      bankType: payment.bankType,
      currency: "CNY",
      settlementTotal: payment.total,
      coupon: 0,
      refundId: "0",
      outRefundNo: "0",
      refund: 0,
      couponRefund: 0,
      refundType: "",
      refundStatus: "",
      description: order.description,
      attach: order.attach ?? "",
      fee,
      rate: "0.60%",
      orderTotal: payment.total,
      refundApplied: 0,
      rateNote: "",
      ...billPatches.get(order.outTradeNo),
    };
  }

  function refundRow(record: RefundRecord): BillRow | null {
    const { refund } = record;
    const order = orders.get(refund.out_trade_no);
    if (!order?.payment) return null;
    return {
      ...paymentRow(order, order.payment),
      tradeTime: billTime(refund.create_time),
      tradeState: "REFUND",
      settlementTotal: 0,
      refundId: refund.refund_id,
      outRefundNo: refund.out_refund_no,
      refund: refund.status === "CLOSED" ? 0 : refund.amount.refund,
      refundType: "ORIGINAL",
      refundStatus: refund.status,
      fee: -Math.round(refund.amount.refund * FEE_RATE),
      orderTotal: 0,
      refundApplied: refund.amount.refund,
    };
  }

  function billFor(day: string, type: "ALL" | "SUCCESS" | "REFUND" = "ALL"): string | null {
    const rows: BillRow[] = [];
    for (const order of orders.values()) {
      if (order.payment) rows.push(paymentRow(order, order.payment));
    }
    for (const record of refunds.values()) {
      const row = refundRow(record);
      if (row) rows.push(row);
    }
    rows.push(...foreignRows);
    const ofDay = rows
      .filter((row) => row.tradeTime.startsWith(day))
      .filter((row) => type === "ALL" || row.tradeState === type)
      .sort((a, b) => a.tradeTime.localeCompare(b.tradeTime));
    if (ofDay.length === 0) return null;
    const sum = (pick: (row: BillRow) => number) => ofDay.reduce((total, row) => total + pick(row), 0);
    const summary = [
      String(ofDay.length),
      yuan(sum((r) => r.settlementTotal)),
      yuan(sum((r) => r.refund)),
      yuan(sum((r) => r.couponRefund)),
      yuan(sum((r) => r.fee)),
      yuan(sum((r) => r.orderTotal)),
      yuan(sum((r) => r.refundApplied)),
    ]
      .map((cell) => `\`${cell}`)
      .join(",");
    // The file starts with a UTF-8 BOM (the client library strips three bytes before parsing)
    // and uses CRLF line ends, ending with one.
    return `\uFEFF${[BILL_HEADER, ...ofDay.map(billLine), BILL_SUMMARY_HEADER, summary].join("\r\n")}\r\n`;
  }

  function addBillRow(row: Partial<BillRow> & { outTradeNo: string; total: number }): BillRow {
    const { total, ...rest } = row;
    const full: BillRow = {
      tradeTime: billTime(beijingTime(new Date())),
      appid,
      mchid,
      subMchid: "0",
      deviceInfo: "",
      transactionId: `4200${randomDigits(24)}`,
      openid: defaultOpenid,
      tradeType: "NATIVE",
      tradeState: "SUCCESS",
      bankType: "OTHERS",
      currency: "CNY",
      settlementTotal: total,
      coupon: 0,
      refundId: "0",
      outRefundNo: "0",
      refund: 0,
      couponRefund: 0,
      refundType: "",
      refundStatus: "",
      description: "",
      attach: "",
      fee: Math.round(total * FEE_RATE),
      rate: "0.60%",
      orderTotal: total,
      refundApplied: 0,
      rateNote: "",
      ...rest,
    };
    foreignRows.push(full);
    return full;
  }

  // ---- /v3 request handling ----

  /** Why the request's Authorization does not hold, or null when it does. */
  function signatureProblem(req: IncomingMessage, body: string): string | null {
    const auth = parseAuthorization(req.headers.authorization);
    if (!auth) return `no well-formed ${AUTH_SCHEMA} Authorization header`;
    if (auth.mchid !== mchid) return `mchid ${auth.mchid} is not this merchant`;
    if (auth.serial_no !== merchantSerial) return `serial_no ${auth.serial_no} is not the merchant certificate's`;
    const timestamp = Number(auth.timestamp);
    if (!/^\d+$/.test(auth.timestamp) || Math.abs(nowSeconds() - timestamp) > MAX_SKEW_SECONDS) {
      return `timestamp ${auth.timestamp} is more than 5 minutes off`;
    }
    const now = Date.now();
    for (const [nonce, seenAt] of nonces) if (now - seenAt > 2 * MAX_SKEW_SECONDS * 1000) nonces.delete(nonce);
    if (nonces.has(auth.nonce_str)) return `nonce_str ${auth.nonce_str} was used before`;
    const message = `${req.method}\n${req.url}\n${auth.timestamp}\n${auth.nonce_str}\n${body}\n`;
    if (!rsaVerify(message, auth.signature, merchantPublicKey))
      return "signature does not verify with the merchant key";
    nonces.set(auth.nonce_str, now);
    return null;
  }

  function acceptsJson(req: IncomingMessage): boolean {
    const accept = String(req.headers.accept ?? "");
    return /application\/json|application\/\*|\*\/\*/.test(accept);
  }

  function parseJson(body: string): Json {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new WechatPayError(400, "PARAM_ERROR", "请求体不是合法的JSON");
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
      throw new WechatPayError(400, "PARAM_ERROR", "请求体应为JSON对象");
    }
    return parsed as Json;
  }

  function checkMerchant(body: Json): void {
    const bodyAppid = str(body, "appid", "/appid", 32);
    const bodyMchid = str(body, "mchid", "/mchid", 32);
    if (bodyMchid !== mchid) throw new WechatPayError(400, "PARAM_ERROR", "mchid与请求头中的商户号不一致");
    if (bodyAppid !== appid) throw new WechatPayError(400, "PARAM_ERROR", "appid和mch_id不匹配");
  }

  function createOrder(tradeType: TradeType, body: Json): Json {
    checkMerchant(body);
    const description = str(body, "description", "/description", 127);
    const outTradeNo = str(body, "out_trade_no", "/out_trade_no", 32);
    if (!/^[0-9A-Za-z_\-|*]{6,32}$/.test(outTradeNo)) {
      throw invalid("/out_trade_no", "只能是6到32位数字、大小写字母_-|*");
    }
    const timeExpire = optStr(body, "time_expire", "/time_expire", 64);
    if (
      timeExpire !== undefined &&
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?([+-]\d{2}:\d{2}|Z)$/.test(timeExpire)
    ) {
      throw invalid("/time_expire", "应为rfc3339格式，如2018-06-08T10:34:56+08:00");
    }
    const attach = optStr(body, "attach", "/attach", 128);
    const url = notifyUrl(body, "notify_url", true) as string;
    const amount = objectField(body, "amount", "/amount");
    const total = positiveInt(amount, "total", "/amount/total");
    currency(amount, "/amount/currency");
    let openid: string | undefined;
    let payerClientIp: string | undefined;
    if (tradeType === "JSAPI") openid = str(objectField(body, "payer", "/payer"), "openid", "/payer/openid", 128);
    if (tradeType === "MWEB") {
      const scene = objectField(body, "scene_info", "/scene_info");
      payerClientIp = str(scene, "payer_client_ip", "/scene_info/payer_client_ip", 45);
      str(objectField(scene, "h5_info", "/scene_info/h5_info"), "type", "/scene_info/h5_info/type", 32);
    }

    const existing = orders.get(outTradeNo);
    if (existing) {
      if (existing.state === "SUCCESS" || existing.state === "REFUND") {
        throw new WechatPayError(400, "ORDERPAID", "该订单已支付");
      }
      if (existing.state === "CLOSED") throw new WechatPayError(400, "ORDER_CLOSED", "订单已关闭");
      if (isExpired(existing)) throw new WechatPayError(400, "ORDER_CLOSED", "订单已过期关闭");
      const same =
        existing.tradeType === tradeType &&
        existing.total === total &&
        existing.description === description &&
        existing.attach === attach &&
        existing.openid === openid;
      if (!same) throw new WechatPayError(400, "INVALID_REQUEST", "201 商户订单号重复");
      // Same order asked again: WeChat answers the same prepay session.
      existing.createCount++;
      return prepayAnswer(existing);
    }
    const prepayId = `wx${beijingTime(new Date()).replace(/\D/g, "").slice(0, 14)}${randomBytes(10).toString("hex")}`;
    const order: WechatPayOrder = {
      tradeType,
      appid,
      mchid,
      description,
      outTradeNo,
      notifyUrl: url,
      ...(attach !== undefined ? { attach } : {}),
      ...(timeExpire !== undefined ? { timeExpire } : {}),
      total,
      ...(openid !== undefined ? { openid } : {}),
      ...(payerClientIp !== undefined ? { payerClientIp } : {}),
      prepayId,
      ...(tradeType === "NATIVE" ? { codeUrl: `weixin://wxpay/bizpayurl?pr=${randomAlnum(7)}` } : {}),
      // On the real service this is a wx.tenpay.com page; the merchant appends &redirect_url=….
      ...(tradeType === "MWEB" ? { h5Url: `${baseUrl}/h5pay?prepay_id=${prepayId}` } : {}),
      state: "NOTPAY",
      expired: false,
      refunded: 0,
      createCount: 1,
      closeCount: 0,
      createdAt: new Date(),
    };
    orders.set(outTradeNo, order);
    return prepayAnswer(order);
  }

  function prepayAnswer(order: WechatPayOrder): Json {
    if (order.tradeType === "NATIVE") return { code_url: order.codeUrl };
    if (order.tradeType === "MWEB") return { h5_url: order.h5Url };
    return { prepay_id: order.prepayId };
  }

  function requireQueryMchid(url: URL): void {
    const value = url.searchParams.get("mchid");
    if (!value)
      throw new WechatPayError(
        400,
        "PARAM_ERROR",
        '输入源"/query/mchid"映射到值字段必填性规则校验失败，此字段为必填项',
      );
    if (value !== mchid) throw new WechatPayError(400, "PARAM_ERROR", "mchid与请求头中的商户号不一致");
  }

  function createRefund(body: Json): Refund {
    const transactionId = optStr(body, "transaction_id", "/transaction_id", 32);
    const outTradeNo = optStr(body, "out_trade_no", "/out_trade_no", 32);
    if (!transactionId && !outTradeNo) throw invalid("/out_trade_no", "transaction_id和out_trade_no必须二选一");
    const outRefundNo = str(body, "out_refund_no", "/out_refund_no", 64);
    const reason = optStr(body, "reason", "/reason", 80);
    const url = notifyUrl(body, "notify_url", false);
    const amount = objectField(body, "amount", "/amount");
    const refund = positiveInt(amount, "refund", "/amount/refund");
    const total = positiveInt(amount, "total", "/amount/total");
    currency(amount, "/amount/currency");

    const order = outTradeNo
      ? orders.get(outTradeNo)
      : [...orders.values()].find((o) => o.payment?.transactionId === transactionId);
    if (!order || (transactionId && order.payment?.transactionId !== transactionId)) {
      throw new WechatPayError(404, "RESOURCE_NOT_EXISTS", "订单不存在");
    }
    const existing = refunds.get(outRefundNo);
    if (existing) {
      // The docs: the same out_refund_no asked again refunds only once.
      if (existing.refund.out_trade_no !== order.outTradeNo) {
        throw new WechatPayError(400, "INVALID_REQUEST", "商户退款单号已用于其他订单");
      }
      existing.requestCount++;
      return existing.refund;
    }
    const payment = order.payment;
    if (!payment) throw new WechatPayError(400, "INVALID_REQUEST", "订单未支付，不能退款");
    if (total !== payment.total) throw new WechatPayError(400, "PARAM_ERROR", "订单金额与原订单金额不一致");
    if (order.refunded >= payment.total) throw new WechatPayError(403, "NOT_ENOUGH", "订单已全额退款");
    if (order.refunded + refund > payment.total) {
      throw new WechatPayError(403, "NOT_ENOUGH", "申请退款金额超过订单可退金额");
    }
    order.refunded += refund;
    order.state = "REFUND";
    const record: RefundRecord = {
      refund: {
        refund_id: `50${randomDigits(27)}`,
        out_refund_no: outRefundNo,
        transaction_id: payment.transactionId,
        out_trade_no: order.outTradeNo,
        channel: "ORIGINAL",
        user_received_account: "支付用户零钱",
        create_time: beijingTime(new Date()),
        status: "PROCESSING",
        funds_account: "AVAILABLE",
        amount: {
          total: payment.total,
          refund,
          payer_total: payment.total,
          payer_refund: refund,
          settlement_refund: refund,
          settlement_total: payment.total,
          discount_refund: 0,
          currency: "CNY",
          refund_fee: 0,
        },
        promotion_detail: [],
      },
      ...(reason !== undefined ? { reason } : {}),
      ...(url !== undefined ? { notifyUrl: url } : {}),
      requestCount: 1,
    };
    refunds.set(outRefundNo, record);
    if (refundDelayMs !== null) later(refundDelayMs, () => completeRefund(outRefundNo));
    return record.refund;
  }

  function tradeBill(url: URL): Json {
    const day = url.searchParams.get("bill_date") ?? "";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
      throw new WechatPayError(400, "PARAM_ERROR", '输入源"/query/bill_date"映射到值字段校验失败：格式应为YYYY-MM-DD');
    }
    const type = url.searchParams.get("bill_type") ?? "ALL";
    if (type !== "ALL" && type !== "SUCCESS" && type !== "REFUND") {
      throw new WechatPayError(400, "PARAM_ERROR", "bill_type只能是ALL、SUCCESS或REFUND");
    }
    // Compressed (tar_type=GZIP) bills are not served here: the app gets the plain file.
    if (url.searchParams.has("tar_type")) {
      throw new WechatPayError(400, "PARAM_ERROR", "本地测试服务器只提供未压缩的账单");
    }
    const text = billFor(day, type);
    if (text === null) throw new WechatPayError(400, "NO_STATEMENT_EXIST", "账单文件不存在");
    const file = Buffer.from(text, "utf8");
    const token = randomAlnum(40);
    billTokens.set(token, { file, expiresAt: Date.now() + BILL_TOKEN_TTL_MS });
    return {
      hash_type: "SHA1",
      hash_value: createHash("sha1").update(file).digest("hex"),
      download_url: `${baseUrl}/v3/billdownload/file?token=${token}`,
    };
  }

  type V3Answer = { status: number; json?: Json | Refund | Transaction | null; file?: Buffer };

  async function routeV3(method: string, url: URL, rawBody: string): Promise<V3Answer> {
    const path = url.pathname;
    const body = () => parseJson(rawBody);
    const tradeMatch = /^\/v3\/pay\/transactions\/(native|h5|jsapi)$/.exec(path);
    if (method === "POST" && tradeMatch) {
      const type = ({ native: "NATIVE", h5: "MWEB", jsapi: "JSAPI" } as const)[
        tradeMatch[1] as "native" | "h5" | "jsapi"
      ];
      return { status: 200, json: createOrder(type, body()) };
    }
    const queryMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path);
    if (method === "GET" && queryMatch) {
      requireQueryMchid(url);
      const outTradeNo = decodeURIComponent(queryMatch[1] ?? "");
      if (!orders.has(outTradeNo)) throw new WechatPayError(404, "ORDER_NOT_EXIST", "订单不存在");
      return { status: 200, json: transaction(outTradeNo) };
    }
    const idMatch = /^\/v3\/pay\/transactions\/id\/([^/]+)$/.exec(path);
    if (method === "GET" && idMatch) {
      requireQueryMchid(url);
      const id = decodeURIComponent(idMatch[1] ?? "");
      const order = [...orders.values()].find((o) => o.payment?.transactionId === id);
      if (!order) throw new WechatPayError(404, "ORDER_NOT_EXIST", "订单不存在");
      return { status: 200, json: transaction(order.outTradeNo) };
    }
    const closeMatch = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path);
    if (method === "POST" && closeMatch) {
      const json = body();
      if (str(json, "mchid", "/mchid", 32) !== mchid) {
        throw new WechatPayError(400, "PARAM_ERROR", "mchid与请求头中的商户号不一致");
      }
      const order = orders.get(decodeURIComponent(closeMatch[1] ?? ""));
      if (!order) throw new WechatPayError(404, "ORDER_NOT_EXIST", "订单不存在");
      order.closeCount++;
      if (order.state === "SUCCESS" || order.state === "REFUND") {
        throw new WechatPayError(400, "ORDERPAID", "订单已支付，不能关闭");
      }
      order.state = "CLOSED";
      return { status: 204 };
    }
    if (method === "POST" && path === "/v3/refund/domestic/refunds") {
      return { status: 200, json: createRefund(body()) };
    }
    const refundMatch = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (method === "GET" && refundMatch) {
      const record = refunds.get(decodeURIComponent(refundMatch[1] ?? ""));
      if (!record) throw new WechatPayError(404, "RESOURCE_NOT_EXISTS", "退款单不存在");
      return { status: 200, json: record.refund };
    }
    if (method === "GET" && path === "/v3/bill/tradebill") return { status: 200, json: tradeBill(url) };
    if (method === "GET" && path === "/v3/billdownload/file") {
      const token = url.searchParams.get("token") ?? "";
      const bill = billTokens.get(token);
      if (!bill || bill.expiresAt < Date.now()) {
        throw new WechatPayError(400, "INVALID_REQUEST", "下载链接已失效或token无效");
      }
      return { status: 200, file: bill.file };
    }
    throw new WechatPayError(404, "NOT_FOUND", `没有这个接口：${method} ${path}`);
  }

  function answerV3(res: ServerResponse, answer: V3Answer): void {
    const requestId = randomBytes(16).toString("hex").toUpperCase();
    if (answer.file) {
      // The bill download answer is the file itself, not signed: the app checks it by the hash.
      res.writeHead(answer.status, { "Content-Type": "application/octet-stream", "Request-ID": requestId });
      res.end(answer.file);
      return;
    }
    const text = answer.json ? JSON.stringify(answer.json) : "";
    res.writeHead(answer.status, {
      ...(text ? { "Content-Type": "application/json; charset=utf-8" } : {}),
      "Request-ID": requestId,
      ...signedHeaders(text),
    });
    res.end(text);
  }

  async function handleV3(req: IncomingMessage, res: ServerResponse, url: URL, rawBody: string): Promise<void> {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    let answer: V3Answer;
    const problem = signatureProblem(req, method === "GET" || method === "DELETE" ? "" : rawBody);
    if (problem) {
      refused.push(`${method} ${path}: ${problem}`);
      answer = { status: 401, json: { code: "SIGN_ERROR", message: `签名错误：${problem}` } };
    } else if (!acceptsJson(req)) {
      answer = { status: 400, json: { code: "PARAM_ERROR", message: "HTTP头Accept应为application/json" } };
    } else if (method === "POST" && !/^application\/json\b/i.test(String(req.headers["content-type"] ?? ""))) {
      answer = { status: 400, json: { code: "PARAM_ERROR", message: "HTTP头Content-Type应为application/json" } };
    } else {
      try {
        answer = await routeV3(method, url, rawBody);
      } catch (error) {
        if (!(error instanceof WechatPayError)) throw error;
        answer = { status: error.status, json: { code: error.code, message: error.message } };
      }
    }
    const code = answer.json && "code" in answer.json ? String(answer.json.code) : undefined;
    requests.push({ method, path, status: answer.status, ...(code ? { code } : {}) });
    answerV3(res, answer);
  }

  // ---- Browser-facing pages and test routes ----

  function html(res: ServerResponse, status: number, text: string): void {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><meta charset="utf-8"><title>微信支付</title><p>${text}</p>`);
  }

  function json(res: ServerResponse, status: number, value: unknown, cors = false): void {
    res.writeHead(status, {
      "Content-Type": "application/json; charset=utf-8",
      ...(cors ? { "Access-Control-Allow-Origin": "*" } : {}),
    });
    res.end(JSON.stringify(value));
  }

  function h5Pay(res: ServerResponse, url: URL) {
    const prepayId = url.searchParams.get("prepay_id") ?? "";
    const redirect = url.searchParams.get("redirect_url");
    const order = [...orders.values()].find((o) => o.prepayId === prepayId && o.tradeType === "MWEB");
    if (!order) return html(res, 404, "订单不存在");
    let outcome = "支付成功";
    try {
      pay(order.outTradeNo);
    } catch (error) {
      outcome = `支付失败：${(error as Error).message}`;
    }
    // WeChat returns the payer to redirect_url whatever happened; the merchant must query.
    if (redirect) {
      res.writeHead(302, { Location: redirect });
      res.end();
      return;
    }
    html(res, 200, outcome);
  }

  function jsapiPay(res: ServerResponse, rawBody: string) {
    const fail = (reason: string) => json(res, 200, { err_msg: "get_brand_wcpay_request:fail", reason }, true);
    let body: Json;
    try {
      body = parseJson(rawBody);
    } catch {
      return fail("body is not JSON");
    }
    const field = (name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");
    const [appId, timeStamp, nonceStr, pkg, signType, paySign] = [
      field("appId"),
      field("timeStamp"),
      field("nonceStr"),
      field("package"),
      field("signType"),
      field("paySign"),
    ];
    if (appId !== appid) return fail(`appId ${appId} is not ${appid}`);
    if (signType !== "RSA") return fail("signType must be RSA");
    // The JSAPI docs: paySign = SHA256withRSA by the merchant key over appId, timeStamp, nonceStr, package.
    if (!rsaVerify(`${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, paySign, merchantPublicKey)) {
      return fail("paySign does not verify with the merchant key");
    }
    const prepayId = pkg.startsWith("prepay_id=") ? pkg.slice("prepay_id=".length) : "";
    const order = [...orders.values()].find((o) => o.prepayId === prepayId && o.tradeType === "JSAPI");
    if (!order) return fail(`no JSAPI order for ${pkg}`);
    if (body.cancel === true) return json(res, 200, { err_msg: "get_brand_wcpay_request:cancel" }, true);
    try {
      pay(order.outTradeNo);
    } catch (error) {
      return fail((error as Error).message);
    }
    json(res, 200, { err_msg: "get_brand_wcpay_request:ok" }, true);
  }

  function testPay(res: ServerResponse, rawBody: string) {
    let body: Json;
    try {
      body = parseJson(rawBody);
    } catch {
      return json(res, 400, { ok: false, error: "body is not JSON" }, true);
    }
    const codeUrl = typeof body.code_url === "string" ? body.code_url : null;
    const outTradeNo =
      typeof body.out_trade_no === "string"
        ? body.out_trade_no
        : [...orders.values()].find((o) => codeUrl !== null && o.codeUrl === codeUrl)?.outTradeNo;
    if (!outTradeNo || !orders.has(outTradeNo)) return json(res, 404, { ok: false, error: "no such order" }, true);
    try {
      const paid = pay(outTradeNo, {
        ...(typeof body.amount === "number" ? { amount: body.amount } : {}),
        ...(body.notify === false ? { notify: false } : {}),
        ...(typeof body.openid === "string" ? { openid: body.openid } : {}),
      });
      json(res, 200, { ok: true, transaction: paid }, true);
    } catch (error) {
      json(res, 400, { ok: false, error: (error as Error).message }, true);
    }
  }

  // ---- WeChat OAuth (公众号网页授权) ----

  function authorize(res: ServerResponse, url: URL) {
    const q = (name: string) => url.searchParams.get(name) ?? "";
    if (q("appid") !== appid) return html(res, 400, "appid参数错误");
    if (q("response_type") !== "code") return html(res, 400, "response_type参数错误");
    if (q("scope") !== "snsapi_base" && q("scope") !== "snsapi_userinfo") return html(res, 400, "scope参数错误");
    let redirect: URL;
    try {
      // The real URL ends with #wechat_redirect; a browser never sends the fragment, but a
      // redirect_uri that carries one keeps its query before it.
      redirect = new URL(q("redirect_uri"));
    } catch {
      return html(res, 400, "redirect_uri参数错误");
    }
    const openid = nextOpenid ?? (q("test_user") ? openidFor(q("test_user")) : defaultOpenid);
    nextOpenid = null;
    const code = randomAlnum(32);
    oauthCodes.set(code, { openid, used: false, expiresAt: Date.now() + OAUTH_CODE_TTL_MS });
    redirect.hash = "";
    redirect.searchParams.set("code", code);
    redirect.searchParams.set("state", q("state"));
    res.writeHead(302, { Location: redirect.toString() });
    res.end();
  }

  function accessToken(res: ServerResponse, url: URL) {
    const q = (name: string) => url.searchParams.get(name) ?? "";
    // The OAuth API answers HTTP 200 even for errors, with errcode/errmsg.
    const answer = (value: Json) => {
      res.writeHead(200, { "Content-Type": "application/json; encoding=utf-8" });
      res.end(JSON.stringify(value));
    };
    if (q("appid") !== appid) return answer({ errcode: 40013, errmsg: "invalid appid" });
    if (q("secret") !== appSecret) return answer({ errcode: 40125, errmsg: "invalid appsecret" });
    if (q("grant_type") !== "authorization_code") return answer({ errcode: 40002, errmsg: "invalid grant_type" });
    const code = oauthCodes.get(q("code"));
    if (!code || code.expiresAt < Date.now()) return answer({ errcode: 40029, errmsg: "invalid code" });
    if (code.used) return answer({ errcode: 40163, errmsg: "code been used" });
    code.used = true;
    answer({
      access_token: randomAlnum(64),
      expires_in: 7200,
      refresh_token: randomAlnum(64),
      openid: code.openid,
      scope: "snsapi_base",
    });
  }

  const server: Server = createServer(async (req, res) => {
    try {
      const rawBody = (await readBody(req)).toString("utf8");
      const url = new URL(req.url ?? "/", "http://localhost");
      const method = req.method ?? "GET";
      if (url.pathname.startsWith("/v3/")) return await handleV3(req, res, url, rawBody);
      if (url.pathname.startsWith("/__test/") && method === "OPTIONS") {
        // The test pages call these from the app's origin.
        res.writeHead(204, {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": "POST, OPTIONS",
          "Access-Control-Allow-Headers": "Content-Type",
          "Access-Control-Max-Age": "600",
        });
        return res.end();
      }
      if (method === "POST" && url.pathname === "/__test/jsapi/pay") return jsapiPay(res, rawBody);
      if (method === "POST" && url.pathname === "/__test/pay") return testPay(res, rawBody);
      if (method === "GET" && url.pathname === "/h5pay") return h5Pay(res, url);
      if (method === "GET" && url.pathname === "/connect/oauth2/authorize") return authorize(res, url);
      if (method === "GET" && url.pathname === "/sns/oauth2/access_token") return accessToken(res, url);
      json(res, 404, { code: "NOT_FOUND", message: `${method} ${url.pathname}` });
    } catch (error) {
      if (!res.headersSent) json(res, 500, { code: "SYSTEM_ERROR", message: (error as Error).message });
      else res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    mchid,
    appid,
    appSecret,
    merchantSerial,
    merchantPrivateKeyPem,
    merchantPublicKeyPem: merchantPublicKey.export({ type: "spki", format: "pem" }).toString(),
    apiV3Key,
    publicKeyId,
    platformPublicKeyPem,
    defaultOpenid,
    orders,
    refunds,
    refused,
    requests,
    notifications,
    transaction,
    pay,
    expire(outTradeNo) {
      orderOf(outTradeNo).expired = true;
    },
    close(outTradeNo) {
      const order = orderOf(outTradeNo);
      if (order.state === "NOTPAY") order.state = "CLOSED";
    },
    closeCount: (outTradeNo) => orderOf(outTradeNo).closeCount,
    completeRefund,
    notificationFor,
    refundNotificationFor,
    async post(notification, url) {
      const answer = await postText(url ?? notification.url, notification.headers, notification.body);
      return { status: answer.status, body: answer.body };
    },
    async redeliver(notificationId) {
      const notification = prepared.get(notificationId);
      if (!notification) throw new Error(`no notification ${notificationId} was sent`);
      const attempts = notifications.filter((n) => n.id === notificationId).length;
      return deliver(notification, attempts + 1, false);
    },
    signWith: (privateKeyPem, timestamp, nonce, body) =>
      rsaSign(`${timestamp}\n${nonce}\n${body}\n`, createPrivateKey(privateKeyPem)),
    addBillRow,
    recordForeignPayment({ out_trade_no, total, success_time }) {
      const time =
        success_time === undefined
          ? beijingTime(new Date())
          : typeof success_time === "string"
            ? beijingTime(new Date(success_time))
            : beijingTime(success_time);
      return addBillRow({ outTradeNo: out_trade_no, total, tradeTime: billTime(time) });
    },
    alterBillRow(outTradeNo, patch) {
      billPatches.set(outTradeNo, { ...billPatches.get(outTradeNo), ...patch });
    },
    billFor,
    openidFor,
    setNextOpenid(openid) {
      nextOpenid = openid;
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    stop: () =>
      new Promise((resolve) => {
        // Cancel what has not started, and let anyone awaiting settled() go.
        for (const [timer, release] of timers) {
          clearTimeout(timer);
          release();
        }
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
