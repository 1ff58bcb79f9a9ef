import { createHash, generateKeyPairSync } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Aes, Formatter, Rsa, Wechatpay } from "wechatpay-axios-plugin";
import { startWechatPayServer, type WechatPayServer } from "./wechatpay-server";

// Proves the local WeChat Pay server interoperates with the client library the app uses
// (wechatpay-axios-plugin): requests signed by the library pass, answers and notifications
// verify with the platform public key, and the resource decrypts with the API v3 key.

type Received = { headers: IncomingHttpHeaders; body: string };
type Failure = { status?: number; code?: string; data?: { code?: string; message?: string } };

let server: WechatPayServer;
let receiver: Server;
let notifyUrl: string;
const received: Received[] = [];
/** Statuses the app stand-in answers next (then 204). */
const answers: number[] = [];
const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 });
const otherPrivateKeyPem = otherKey.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const otherPublicKeyPem = otherKey.publicKey.export({ type: "spki", format: "pem" }).toString();

type Json = Record<string, unknown>;
type Endpoint = {
  get<T = Json>(config?: Json): Promise<{ status: number; data: T }>;
  post<T = Json>(data: Json, config?: Json): Promise<{ status: number; data: T }>;
};
/**
 * The chained paths these tests use. The library types every segment through an index
 * signature (so each is "possibly undefined" under noUncheckedIndexedAccess); naming them
 * keeps the calls in the library's own chained style.
 */
type Api = {
  v3: {
    pay: {
      transactions: {
        native: Endpoint;
        h5: Endpoint;
        jsapi: Endpoint;
        outTradeNo: { _out_trade_no_: Endpoint & { close: Endpoint } };
      };
    };
    refund: { domestic: { refunds: Endpoint & { _out_refund_no_: Endpoint } } };
    bill: { tradebill: Endpoint };
    billdownload: { file: Endpoint };
  };
};

function client(overrides: { privateKey?: string; certs?: Record<string, string> } = {}): Api {
  const wxpay = new Wechatpay({
    mchid: server.mchid,
    serial: server.merchantSerial,
    privateKey: server.merchantPrivateKeyPem,
    certs: { [server.publicKeyId]: server.platformPublicKeyPem },
    baseURL: server.url,
    ...overrides,
  });
  return wxpay as unknown as Api;
}

async function failure(promise: Promise<unknown>): Promise<Failure> {
  try {
    await promise;
  } catch (error) {
    const { code, response } = error as { code?: string; response?: { status: number; data: Failure["data"] } };
    return { ...(code ? { code } : {}), ...(response ? { status: response.status, data: response.data } : {}) };
  }
  throw new Error("expected the call to fail");
}

let sequence = 0;
const newOrderNo = () => `T${Date.now()}${++sequence}`;

function nativeOrder(outTradeNo: string, total = 100) {
  return {
    appid: server.appid,
    mchid: server.mchid,
    description: "索前村 乡村游",
    out_trade_no: outTradeNo,
    notify_url: notifyUrl,
    amount: { total, currency: "CNY" },
  };
}

function verifies(headers: IncomingHttpHeaders | Headers, body: string, publicKeyPem: string): boolean {
  const get = (name: string) =>
    headers instanceof Headers ? (headers.get(name) ?? "") : String(headers[name.toLowerCase()] ?? "");
  return Rsa.verify(
    Formatter.response(get("Wechatpay-Timestamp"), get("Wechatpay-Nonce"), body),
    get("Wechatpay-Signature"),
    publicKeyPem,
  );
}

function decrypt(body: string): Record<string, unknown> {
  const { resource } = JSON.parse(body) as {
    resource: { ciphertext: string; nonce: string; associated_data: string };
  };
  return JSON.parse(
    Aes.AesGcm.decrypt(resource.ciphertext, server.apiV3Key, resource.nonce, resource.associated_data),
  ) as Record<string, unknown>;
}

/** A /v3 request signed by hand, to replay nonces and send stale timestamps. */
async function signedFetch(path: string, timestamp: number, nonce: string): Promise<Response> {
  const signature = Rsa.sign(Formatter.request("GET", path, timestamp, nonce, ""), server.merchantPrivateKeyPem);
  return fetch(`${server.url}${path}`, {
    headers: {
      Accept: "application/json",
      Authorization: Formatter.authorization(server.mchid, nonce, signature, timestamp, server.merchantSerial),
    },
  });
}

beforeAll(async () => {
  server = await startWechatPayServer({ appSecret: "test-app-secret", retryOnFailure: 1, retryDelayMs: 20 });
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    const status = answers.shift() ?? 204;
    res.writeHead(status);
    res.end(status >= 300 ? "FAIL" : "");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/payments/wechat/notify`;
}, 30_000);

afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

describe("the WeChat Pay test server with wechatpay-axios-plugin", () => {
  it("creates a Native order, answers the same code_url again and queries it", async () => {
    const wxpay = client();
    const no = newOrderNo();
    const { data: created } = await wxpay.v3.pay.transactions.native.post(nativeOrder(no));
    expect(created.code_url).toMatch(/^weixin:\/\/wxpay\/bizpayurl\?pr=\w+$/);
    const { data: again } = await wxpay.v3.pay.transactions.native.post(nativeOrder(no));
    expect(again.code_url).toBe(created.code_url);
    const duplicate = await failure(wxpay.v3.pay.transactions.native.post(nativeOrder(no, 1)));
    expect(duplicate).toMatchObject({ status: 400, data: { code: "INVALID_REQUEST" } });
    const wrongAppid = await failure(
      wxpay.v3.pay.transactions.native.post({ ...nativeOrder(newOrderNo()), appid: "wx1" }),
    );
    expect(wrongAppid).toMatchObject({ status: 400, data: { code: "PARAM_ERROR" } });

    const { data: queried } = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({
      params: { mchid: server.mchid },
      out_trade_no: no,
    });
    expect(queried).toMatchObject({
      appid: server.appid,
      mchid: server.mchid,
      out_trade_no: no,
      trade_type: "NATIVE",
      trade_state: "NOTPAY",
      amount: { total: 100, currency: "CNY" },
    });
    const unknown = await failure(
      wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({
        params: { mchid: server.mchid },
        out_trade_no: "NOPE000",
      }),
    );
    expect(unknown).toMatchObject({ status: 404, data: { code: "ORDER_NOT_EXIST" } });
  });

  it("refuses requests signed with another key, replayed nonces and stale timestamps", async () => {
    const forged = await failure(
      client({ privateKey: otherPrivateKeyPem }).v3.pay.transactions.native.post(nativeOrder(newOrderNo())),
    );
    expect(forged).toMatchObject({ status: 401, data: { code: "SIGN_ERROR" } });
    expect(server.refused.at(-1)).toMatch(/signature does not verify/);

    const path = `/v3/pay/transactions/out-trade-no/NOPE000?mchid=${server.mchid}`;
    const now = Math.floor(Date.now() / 1000);
    expect((await signedFetch(path, now, "nonce-once-only")).status).toBe(404);
    const replayed = await signedFetch(path, now, "nonce-once-only");
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ code: "SIGN_ERROR" });
    expect(server.refused.at(-1)).toMatch(/nonce_str .* was used before/);
    expect((await signedFetch(path, now - 301, "stale-one")).status).toBe(401);
    expect(server.refused.at(-1)).toMatch(/more than 5 minutes off/);
    expect((await fetch(`${server.url}${path}`, { headers: { Accept: "application/json" } })).status).toBe(401);
  });

  it("signs every answer with the platform key, which the library checks", async () => {
    const path = `/v3/pay/transactions/out-trade-no/NOPE000?mchid=${server.mchid}`;
    const answer = await signedFetch(path, Math.floor(Date.now() / 1000), `n-${Date.now()}`);
    expect(answer.headers.get("Wechatpay-Serial")).toBe(server.publicKeyId);
    expect(answer.headers.get("Request-ID")).toBeTruthy();
    const text = await answer.text();
    expect(verifies(answer.headers, text, server.platformPublicKeyPem)).toBe(true);
    expect(verifies(answer.headers, text, otherPublicKeyPem)).toBe(false);

    const misconfigured = client({ certs: { [server.publicKeyId]: otherPublicKeyPem } });
    const refusedByLibrary = await failure(misconfigured.v3.pay.transactions.native.post(nativeOrder(newOrderNo())));
    expect(refusedByLibrary.code).toBe("EV3_RES_HEADER_SIGNATURE_DIGEST");
  });

  it("pays and notifies with a signed, encrypted transaction; retries and redelivers on failure", async () => {
    const wxpay = client();
    const no = newOrderNo();
    await wxpay.v3.pay.transactions.native.post({ ...nativeOrder(no, 2500), attach: "booking:42" });
    server.pay(no);
    await server.settled();

    expect(received).toHaveLength(1);
    const [notification] = received as [Received];
    expect(notification.headers["wechatpay-serial"]).toBe(server.publicKeyId);
    expect(verifies(notification.headers, notification.body, server.platformPublicKeyPem)).toBe(true);
    expect(JSON.parse(notification.body)).toMatchObject({
      resource_type: "encrypt-resource",
      event_type: "TRANSACTION.SUCCESS",
      summary: "支付成功",
      resource: { original_type: "transaction", algorithm: "AEAD_AES_256_GCM", associated_data: "transaction" },
    });
    const { data: queried } = await wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.get({
      params: { mchid: server.mchid },
      out_trade_no: no,
    });
    expect(decrypt(notification.body)).toEqual(queried);
    expect(queried).toMatchObject({
      trade_state: "SUCCESS",
      attach: "booking:42",
      bank_type: "OTHERS",
      payer: { openid: server.defaultOpenid },
      amount: { total: 2500, payer_total: 2500 },
    });
    expect(queried.transaction_id).toMatch(/^4200\d{24}$/);
    expect(queried.success_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(server.notifications.at(-1)).toMatchObject({ outTradeNo: no, status: 204, attempt: 1 });
    expect(() => server.pay(no)).toThrow(/already paid/);

    // A forgery signed with another key does not verify with the platform key.
    const forged = server.notificationFor(no, { privateKeyPem: otherPrivateKeyPem, amount: 1 });
    expect(verifies(forged.headers, forged.body, server.platformPublicKeyPem)).toBe(false);
    expect(decrypt(forged.body)).toMatchObject({ out_trade_no: no, amount: { total: 1 } });

    // The app fails once: WeChat tries again, then a test can redeliver by hand.
    const retried = newOrderNo();
    await wxpay.v3.pay.transactions.native.post(nativeOrder(retried));
    answers.push(500);
    server.pay(retried);
    await server.settled();
    const attempts = server.notifications.filter((n) => n.outTradeNo === retried);
    expect(attempts.map((n) => [n.attempt, n.status])).toEqual([
      [1, 500],
      [2, 204],
    ]);
    const again = await server.redeliver(attempts[0]?.id ?? "");
    expect(again).toMatchObject({ attempt: 3, status: 204, body: attempts[0]?.body });
  });

  it("refunds once for the same out_refund_no and refuses refunds over the total", async () => {
    const wxpay = client();
    const no = newOrderNo();
    await wxpay.v3.pay.transactions.native.post(nativeOrder(no, 1000));
    server.pay(no, { notify: false });
    const refund = {
      out_trade_no: no,
      out_refund_no: `R${no}`,
      notify_url: notifyUrl,
      amount: { refund: 600, total: 1000, currency: "CNY" },
    };
    const { data: first } = await wxpay.v3.refund.domestic.refunds.post(refund);
    const { data: second } = await wxpay.v3.refund.domestic.refunds.post(refund);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      status: "PROCESSING",
      channel: "ORIGINAL",
      amount: { refund: 600, total: 1000, payer_refund: 600 },
    });
    expect(server.refunds.get(`R${no}`)?.requestCount).toBe(2);
    expect(server.orders.get(no)?.refunded).toBe(600);

    const over = await failure(
      wxpay.v3.refund.domestic.refunds.post({
        ...refund,
        out_refund_no: `S${no}`,
        amount: { refund: 500, total: 1000, currency: "CNY" },
      }),
    );
    expect(over).toMatchObject({ status: 403, data: { code: "NOT_ENOUGH" } });
    const wrongTotal = await failure(
      wxpay.v3.refund.domestic.refunds.post({
        ...refund,
        out_refund_no: `S${no}`,
        amount: { refund: 1, total: 999, currency: "CNY" },
      }),
    );
    expect(wrongTotal).toMatchObject({ status: 400, data: { code: "PARAM_ERROR" } });
    const unknown = await failure(
      wxpay.v3.refund.domestic.refunds.post({ ...refund, out_trade_no: "NOPE000", out_refund_no: `U${no}` }),
    );
    expect(unknown).toMatchObject({ status: 404, data: { code: "RESOURCE_NOT_EXISTS" } });

    await server.settled();
    const { data: settled } = await wxpay.v3.refund.domestic.refunds._out_refund_no_.get({ out_refund_no: `R${no}` });
    expect(settled).toMatchObject({ status: "SUCCESS", refund_id: first.refund_id });
    expect(received).toHaveLength(1);
    const [notice] = received as [Received];
    expect(verifies(notice.headers, notice.body, server.platformPublicKeyPem)).toBe(true);
    expect(JSON.parse(notice.body)).toMatchObject({
      event_type: "REFUND.SUCCESS",
      resource: { associated_data: "refund" },
    });
    expect(decrypt(notice.body)).toMatchObject({
      out_refund_no: `R${no}`,
      refund_status: "SUCCESS",
      amount: { total: 1000, refund: 600 },
    });
  });

  it("closes an order, after which it cannot be paid", async () => {
    const wxpay = client();
    const no = newOrderNo();
    await wxpay.v3.pay.transactions.native.post(nativeOrder(no));
    const closeIt = () =>
      wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.close.post({ mchid: server.mchid }, { out_trade_no: no });
    expect((await closeIt()).status).toBe(204);
    expect((await closeIt()).status).toBe(204);
    expect(server.closeCount(no)).toBe(2);
    expect(() => server.pay(no)).toThrow(/closed/);
    const recreate = await failure(wxpay.v3.pay.transactions.native.post(nativeOrder(no)));
    expect(recreate).toMatchObject({ status: 400, data: { code: "ORDER_CLOSED" } });

    const paid = newOrderNo();
    await wxpay.v3.pay.transactions.native.post(nativeOrder(paid));
    server.pay(paid, { notify: false });
    const closePaid = await failure(
      wxpay.v3.pay.transactions.outTradeNo._out_trade_no_.close.post({ mchid: server.mchid }, { out_trade_no: paid }),
    );
    expect(closePaid).toMatchObject({ status: 400, data: { code: "ORDERPAID" } });
  });

  it("serves the day's trade bill with its SHA1, including rows the app does not know", async () => {
    const wxpay = client();
    const no = newOrderNo();
    await wxpay.v3.pay.transactions.native.post(nativeOrder(no, 1234));
    const paid = server.pay(no, { notify: false });
    const day = (paid.success_time ?? "").slice(0, 10);
    server.recordForeignPayment({ out_trade_no: `FOREIGN${no}`, total: 500, success_time: new Date() });

    const { data: bill } = await wxpay.v3.bill.tradebill.get<{
      hash_type: string;
      hash_value: string;
      download_url: string;
    }>({ params: { bill_date: day, bill_type: "ALL" } });
    expect(bill).toMatchObject({ hash_type: "SHA1" });
    const token = new URL(bill.download_url).searchParams.get("token");
    const download = await wxpay.v3.billdownload.file.get<ArrayBuffer>({
      params: { token },
      responseType: "arraybuffer",
    });
    const file = Buffer.from(download.data);
    expect(createHash("sha1").update(file).digest("hex")).toBe(bill.hash_value);

    const { rows, summary } = Formatter.castCsvBill(file) as {
      rows: Record<string, string>[];
      summary: Record<string, string>;
    };
    expect(rows.find((row) => row.商户订单号 === no)).toMatchObject({
      微信订单号: paid.transaction_id,
      交易状态: "SUCCESS",
      应结订单金额: "12.34",
      订单金额: "12.34",
      交易类型: "NATIVE",
    });
    expect(rows.find((row) => row.商户订单号 === `FOREIGN${no}`)).toMatchObject({ 应结订单金额: "5.00" });
    expect(Number(summary.总交易单数)).toBe(rows.length);

    const none = await failure(wxpay.v3.bill.tradebill.get({ params: { bill_date: "2001-01-01", bill_type: "ALL" } }));
    expect(none).toMatchObject({ status: 400, data: { code: "NO_STATEMENT_EXIST" } });
  });

  it("pays JSAPI orders through the bridge stand-in and H5 orders through the page", async () => {
    const wxpay = client();
    const jsapiNo = newOrderNo();
    const openid = server.openidFor("alice");
    const { data } = await wxpay.v3.pay.transactions.jsapi.post({ ...nativeOrder(jsapiNo), payer: { openid } });
    const params = {
      appId: server.appid,
      timeStamp: "1700000000",
      nonceStr: "abc123",
      package: `prepay_id=${data.prepay_id}`,
    };
    const sign = (key: string) =>
      Rsa.sign(Formatter.joinedByLineFeed(params.appId, params.timeStamp, params.nonceStr, params.package), key);
    const bridge = (paySign: string) =>
      fetch(`${server.url}/__test/jsapi/pay`, {
        method: "POST",
        body: JSON.stringify({ ...params, signType: "RSA", paySign }),
      });
    const wrong = await bridge(sign(otherPrivateKeyPem));
    expect(wrong.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await wrong.json()).toMatchObject({ err_msg: "get_brand_wcpay_request:fail" });
    expect(await (await bridge(sign(server.merchantPrivateKeyPem))).json()).toEqual({
      err_msg: "get_brand_wcpay_request:ok",
    });
    expect(server.transaction(jsapiNo)).toMatchObject({
      trade_type: "JSAPI",
      trade_state: "SUCCESS",
      payer: { openid },
    });

    const h5No = newOrderNo();
    const { data: h5 } = await wxpay.v3.pay.transactions.h5.post({
      ...nativeOrder(h5No),
      scene_info: { payer_client_ip: "127.0.0.1", h5_info: { type: "Wap" } },
    });
    const back = "http://shop.example/return?order=1";
    const page = await fetch(`${h5.h5_url}&redirect_url=${encodeURIComponent(back)}`, { redirect: "manual" });
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toBe(back);
    expect(server.transaction(h5No)).toMatchObject({ trade_type: "MWEB", trade_state: "SUCCESS" });
    await server.settled();
  });

  it("exchanges a single-use OAuth code for the test user's openid", async () => {
    const authorize = new URL("/connect/oauth2/authorize", server.url);
    authorize.search = new URLSearchParams({
      appid: server.appid,
      redirect_uri: "http://shop.example/wechat/callback?next=%2Fpay",
      response_type: "code",
      scope: "snsapi_base",
      state: "xyz",
      test_user: "alice",
    }).toString();
    const redirected = await fetch(`${authorize}#wechat_redirect`, { redirect: "manual" });
    expect(redirected.status).toBe(302);
    const callback = new URL(redirected.headers.get("location") ?? "");
    expect(callback.origin + callback.pathname).toBe("http://shop.example/wechat/callback");
    expect(callback.searchParams.get("next")).toBe("/pay");
    expect(callback.searchParams.get("state")).toBe("xyz");
    const code = callback.searchParams.get("code") ?? "";

    const exchange = async (secret: string) => {
      const url = new URL("/sns/oauth2/access_token", server.url);
      url.search = new URLSearchParams({
        appid: server.appid,
        secret,
        code,
        grant_type: "authorization_code",
      }).toString();
      return (await (await fetch(url)).json()) as Record<string, unknown>;
    };
    expect(await exchange("wrong")).toEqual({ errcode: 40125, errmsg: "invalid appsecret" });
    expect(await exchange(server.appSecret)).toMatchObject({
      openid: server.openidFor("alice"),
      expires_in: 7200,
      scope: "snsapi_base",
    });
    expect(await exchange(server.appSecret)).toEqual({ errcode: 40163, errmsg: "code been used" });

    const wrongApp = await fetch(authorize.toString().replace(server.appid, "wx9"), { redirect: "manual" });
    expect(wrongApp.status).toBe(400);
  });
});
