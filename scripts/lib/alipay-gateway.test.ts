import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { crc32, inflateRawSync } from "node:zlib";
import { AlipaySdk } from "alipay-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AlipayGateway, beijingTime, startAlipayGateway } from "./alipay-gateway";

// The gateway is proven with the official alipay-sdk: what the SDK builds the gateway
// accepts, what the gateway answers and notifies the SDK verifies, and what another key
// signed is refused on both sides.

type Received = { contentType: string; params: Record<string, string> };

let gateway: AlipayGateway;
let sdk: AlipaySdk;
let receiver: Server;
let notifyUrl: string;
/** Notifications the app (this little server) received. */
const received: Received[] = [];
/** What the app answers the next notifications ("success" once this runs out). */
const answers: string[] = [];
let otherPrivateKey: string;
let otherPublicKey: string;

const RETURN_URL = "http://127.0.0.1:9/orders/return";

beforeAll(async () => {
  gateway = await startAlipayGateway();
  receiver = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({
      contentType: String(req.headers["content-type"]),
      params: Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))),
    });
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(answers.shift() ?? "success");
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/alipay/notify`;
  sdk = client();
  const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
  otherPrivateKey = other.privateKey.export({ type: "pkcs1", format: "pem" }).toString().trim();
  otherPublicKey = other.publicKey.export({ type: "spki", format: "pem" }).toString().trim();
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

function client(overrides: { appId?: string; privateKey?: string; alipayPublicKey?: string } = {}): AlipaySdk {
  return new AlipaySdk({
    appId: gateway.appId,
    privateKey: gateway.appPrivateKeyPem,
    alipayPublicKey: gateway.alipayPublicKeyPem,
    gateway: gateway.url,
    ...overrides,
  });
}

// alipay-sdk stamps requests with the machine's local time; Alipay reads Beijing time, so
// the timestamp is passed explicitly (this machine may well be on UTC).
const exec = (method: string, bizContent: Record<string, unknown>, via = sdk, timestamp = beijingTime()) =>
  via.exec(method, { bizContent, timestamp }, { validateSign: true });

let serial = 0;
const newOrderNo = () => `SQ${Date.now()}${++serial}`;

function wapPayUrl(outTradeNo: string, amount = "38.00", via = sdk): string {
  return via.pageExec("alipay.trade.wap.pay", "GET", {
    bizContent: {
      out_trade_no: outTradeNo,
      total_amount: amount,
      subject: "索前乡村游 · 门票",
      product_code: "QUICK_WAP_WAY",
      quit_url: "http://127.0.0.1:9/orders/quit",
    },
    returnUrl: RETURN_URL,
    notifyUrl,
    timestamp: beijingTime(),
  });
}

/** Opens the cashier as the browser would; returns the page and its pay session. */
async function openCashier(url: string) {
  const response = await fetch(url);
  const html = await response.text();
  return { response, html, session: /name="session" value="([^"]+)"/.exec(html)?.[1] };
}

/** Clicks 确认付款; returns where the cashier sends the browser. */
async function clickPay(session: string) {
  const response = await fetch(`${gateway.origin}/cashier/pay`, {
    method: "POST",
    body: new URLSearchParams({ session }),
    redirect: "manual",
  });
  return { response, location: response.headers.get("location") ?? "", html: await response.text() };
}

const notificationsOf = (outTradeNo: string) => received.filter((n) => n.params.out_trade_no === outTradeNo);

describe("page payments (alipay.trade.wap.pay / page.pay)", () => {
  it("takes the SDK's GET URL to the cashier; the trade exists once the page is opened", async () => {
    const outTradeNo = newOrderNo();
    const url = wapPayUrl(outTradeNo);
    expect(url.startsWith(`${gateway.url}?`)).toBe(true);
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({
      code: "40004",
      subCode: "ACQ.TRADE_NOT_EXIST",
    });

    const { response, html, session } = await openCashier(url);
    expect(response.status).toBe(200);
    expect(response.url).toMatch(/\/cashier\//);
    expect(html).toContain('data-testid="alipay-pay"');
    expect(html).toContain("确认付款");
    expect(html).toContain("¥38.00");
    expect(html).toContain("索前乡村游 · 门票");
    expect(session).toBeTruthy();

    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({
      code: "10000",
      tradeStatus: "WAIT_BUYER_PAY",
      totalAmount: "38.00",
      outTradeNo,
    });
  });

  it("takes the SDK's auto-submitting POST form for page.pay", async () => {
    const outTradeNo = newOrderNo();
    const form = sdk.pageExec("alipay.trade.page.pay", "POST", {
      bizContent: {
        out_trade_no: outTradeNo,
        total_amount: "12.5",
        subject: "手工竹篮",
        product_code: "FAST_INSTANT_TRADE_PAY",
      },
      returnUrl: RETURN_URL,
      notifyUrl,
      timestamp: beijingTime(),
    });
    const action = /action="([^"]+)"/.exec(form)?.[1] ?? "";
    const fields = new URLSearchParams();
    for (const [, name = "", value = ""] of form.matchAll(/name="([^"]+)" value="([^"]*)"/g)) {
      fields.set(name, value.replaceAll("&quot;", '"'));
    }
    expect(fields.get("biz_content")).toContain(outTradeNo);
    const response = await fetch(action, { method: "POST", body: fields });
    const html = await response.text();
    expect(html).toContain("确认付款");
    expect(html).toContain("¥12.50");
    expect(gateway.trades.get(outTradeNo)).toMatchObject({
      status: "WAIT_BUYER_PAY",
      productCode: "FAST_INSTANT_TRADE_PAY",
    });
  });

  it("refuses a page with the wrong product code or a changed amount", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo, "38.00"));
    const changed = await openCashier(wapPayUrl(outTradeNo, "1.00"));
    expect(changed.html).toContain('data-sub-code="ACQ.CONTEXT_INCONSISTENT"');
    expect(changed.session).toBeUndefined();
    expect(gateway.trades.get(outTradeNo)?.totalAmount).toBe("38.00");

    const wrongProduct = sdk.pageExec("alipay.trade.wap.pay", "GET", {
      bizContent: {
        out_trade_no: newOrderNo(),
        total_amount: "1.00",
        subject: "x",
        product_code: "FAST_INSTANT_TRADE_PAY",
      },
      timestamp: beijingTime(),
    });
    expect((await openCashier(wrongProduct)).html).toContain('data-sub-code="ACQ.INVALID_PARAMETER"');
  });
});

describe("request signatures and answers", () => {
  it("refuses and records requests signed with another key, for another app, stale or unknown", async () => {
    const outTradeNo = newOrderNo();
    const forged = client({ privateKey: otherPrivateKey });
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo }, forged)).toMatchObject({
      code: "40002",
      subCode: "isv.invalid-signature",
    });
    expect(gateway.refused.at(-1)).toMatch(/^alipay\.trade\.query: isv\.invalid-signature/);

    const forgedPage = await openCashier(wapPayUrl(outTradeNo, "38.00", forged));
    expect(forgedPage.html).toContain('data-sub-code="isv.invalid-signature"');
    expect(gateway.trades.has(outTradeNo)).toBe(false);

    expect(
      await exec("alipay.trade.query", { out_trade_no: outTradeNo }, client({ appId: "2021000000000999" })),
    ).toMatchObject({
      subCode: "isv.invalid-app-id",
    });
    // What alipay-sdk sends on a UTC machine: local (UTC) time, eight hours behind Beijing.
    const utc = new Date().toISOString().slice(0, 19).replace("T", " ");
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo }, sdk, utc)).toMatchObject({
      subCode: "isv.invalid-timestamp",
    });
    expect(await exec("alipay.trade.precreate", { out_trade_no: outTradeNo })).toMatchObject({
      subCode: "isv.invalid-method",
    });
    expect(gateway.refused.join("\n")).toMatch(
      /isv\.invalid-app-id[\s\S]*isv\.invalid-timestamp[\s\S]*isv\.invalid-method/,
    );
  });

  it("signs answers so the SDK verifies them, and a SDK with the wrong Alipay key refuses them", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo));
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({ code: "10000" });
    await expect(
      exec("alipay.trade.query", { out_trade_no: outTradeNo }, client({ alipayPublicKey: otherPublicKey })),
    ).rejects.toThrow(/验签失败/);
  });
});

describe("paying and notifications", () => {
  it("pays from the cashier, notifies the app and returns the browser, all verifiable by the SDK", async () => {
    const outTradeNo = newOrderNo();
    const { session = "" } = await openCashier(wapPayUrl(outTradeNo));
    const { response, location } = await clickPay(session);
    expect(response.status).toBe(302);

    const back = new URL(location);
    expect(`${back.origin}${back.pathname}`).toBe(RETURN_URL);
    const returned = Object.fromEntries(back.searchParams);
    expect(returned).toMatchObject({
      out_trade_no: outTradeNo,
      total_amount: "38.00",
      method: "alipay.trade.wap.pay.return",
      seller_id: gateway.sellerId,
      app_id: gateway.appId,
    });
    expect(sdk.checkNotifySignV2(returned)).toBe(true);

    const [notification] = notificationsOf(outTradeNo);
    expect(notification?.contentType).toBe("application/x-www-form-urlencoded; charset=utf-8");
    const params = notification?.params ?? {};
    expect(params).toMatchObject({
      notify_type: "trade_status_sync",
      trade_status: "TRADE_SUCCESS",
      total_amount: "38.00",
      out_trade_no: outTradeNo,
      subject: "索前乡村游 · 门票",
      seller_id: gateway.sellerId,
    });
    expect(params.trade_no).toMatch(/^20\d{26}$/);
    expect(params.buyer_id).toMatch(/^2088\d{12}$/);
    expect(params.gmt_payment).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(sdk.checkNotifySign(params)).toBe(true);
    expect(sdk.checkNotifySignV2(params)).toBe(true);
    expect(gateway.notifications.find((n) => n.outTradeNo === outTradeNo)).toMatchObject({
      kind: "payment",
      status: 200,
      answer: "success",
      acknowledged: true,
    });
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({
      tradeStatus: "TRADE_SUCCESS",
      sendPayDate: params.gmt_payment,
      buyerPayAmount: "38.00",
    });

    // Paid: the cashier will not take the same order again.
    expect((await openCashier(wapPayUrl(outTradeNo))).html).toContain('data-sub-code="ACQ.TRADE_HAS_SUCCESS"');
  });

  it("builds notifications for attack tests: re-signed with another key or altered, the SDK rejects them", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo));
    const genuine = Object.fromEntries(new URLSearchParams(gateway.notificationFor(outTradeNo)));
    expect(sdk.checkNotifySign(genuine)).toBe(true);
    expect(received.some((n) => n.params.out_trade_no === outTradeNo)).toBe(false);

    const cheap = Object.fromEntries(
      new URLSearchParams(gateway.notificationFor(outTradeNo, { total_amount: "0.01" })),
    );
    expect(sdk.checkNotifySign(cheap)).toBe(true);
    const resigned = { ...cheap, sign: gateway.sign(cheap, otherPrivateKey) };
    expect(sdk.checkNotifySign(resigned)).toBe(false);
    expect(sdk.checkNotifySignV2(resigned)).toBe(false);
    expect(sdk.checkNotifySign({ ...genuine, total_amount: "0.01" })).toBe(false);
  });

  it("keeps an unanswered notification for redelivery, and pays without notifying when told", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo));
    answers.push("fail");
    const { notification } = await gateway.pay(outTradeNo);
    expect(notification).toMatchObject({ answer: "fail", acknowledged: false });
    expect(await gateway.redeliver(notification?.id ?? "")).toMatchObject({ status: 200, answer: "success" });
    expect(notification?.acknowledged).toBe(true);
    const deliveries = notificationsOf(outTradeNo);
    expect(deliveries).toHaveLength(2);
    expect(deliveries[1]?.params.notify_id).toBe(deliveries[0]?.params.notify_id);

    const silent = newOrderNo();
    await openCashier(wapPayUrl(silent));
    expect((await gateway.pay(silent, { notify: false })).notification).toBeUndefined();
    expect(notificationsOf(silent)).toHaveLength(0);
    expect(await exec("alipay.trade.query", { out_trade_no: silent })).toMatchObject({ tradeStatus: "TRADE_SUCCESS" });
  });

  it("pays over HTTP for browser-less tests, for another amount when told", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo));
    const response = await fetch(`${gateway.origin}/__test/pay`, {
      method: "POST",
      body: JSON.stringify({ out_trade_no: outTradeNo, total_amount: "1.00" }),
    });
    expect(await response.json()).toMatchObject({
      trade_status: "TRADE_SUCCESS",
      total_amount: "1.00",
      notification: { status: 200, answer: "success" },
    });
    const [notification] = notificationsOf(outTradeNo);
    expect(notification?.params.total_amount).toBe("1.00");
    expect(sdk.checkNotifySignV2(notification?.params)).toBe(true);
    const again = await fetch(`${gateway.origin}/__test/pay`, {
      method: "POST",
      body: JSON.stringify({ out_trade_no: outTradeNo }),
    });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ sub_code: "ACQ.TRADE_HAS_SUCCESS" });
  });

  it("expires unpaid trades and finishes paid ones, notifying both", async () => {
    const late = newOrderNo();
    await openCashier(wapPayUrl(late));
    const closed = await gateway.expire(late);
    expect(closed?.params).toMatchObject({ trade_status: "TRADE_CLOSED" });
    expect(sdk.checkNotifySignV2(closed?.params)).toBe(true);

    const expired = sdk.pageExec("alipay.trade.wap.pay", "GET", {
      bizContent: {
        out_trade_no: newOrderNo(),
        total_amount: "5.00",
        subject: "过期",
        product_code: "QUICK_WAP_WAY",
        time_expire: beijingTime(new Date(Date.now() - 60_000)),
      },
      timestamp: beijingTime(),
    });
    expect((await openCashier(expired)).html).toContain('data-sub-code="ACQ.TRADE_HAS_CLOSE"');

    const done = newOrderNo();
    await openCashier(wapPayUrl(done));
    await gateway.pay(done);
    expect((await gateway.finish(done))?.params).toMatchObject({ trade_status: "TRADE_FINISHED" });
    expect(
      await exec("alipay.trade.refund", { out_trade_no: done, refund_amount: "1.00", out_request_no: "F1" }),
    ).toMatchObject({ subCode: "ACQ.TRADE_HAS_FINISHED" });
  });

  it("closes a waiting trade, which then cannot be paid", async () => {
    const outTradeNo = newOrderNo();
    const { session = "" } = await openCashier(wapPayUrl(outTradeNo));
    expect(await exec("alipay.trade.close", { out_trade_no: outTradeNo })).toMatchObject({ code: "10000" });
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({
      tradeStatus: "TRADE_CLOSED",
    });
    await expect(gateway.pay(outTradeNo)).rejects.toThrow(/ACQ\.TRADE_HAS_CLOSE/);
    const click = await clickPay(session);
    expect(click.response.status).toBe(200);
    expect(click.html).toContain('data-sub-code="ACQ.TRADE_HAS_CLOSE"');
    expect((await openCashier(wapPayUrl(outTradeNo))).html).toContain('data-sub-code="ACQ.TRADE_HAS_CLOSE"');
    expect(notificationsOf(outTradeNo)).toHaveLength(0);

    expect(await exec("alipay.trade.close", { out_trade_no: newOrderNo() })).toMatchObject({
      subCode: "ACQ.TRADE_NOT_EXIST",
    });
    const paid = newOrderNo();
    await openCashier(wapPayUrl(paid));
    await gateway.pay(paid);
    expect(await exec("alipay.trade.close", { out_trade_no: paid })).toMatchObject({
      subCode: "ACQ.TRADE_STATUS_ERROR",
    });
  });
});

describe("refunds", () => {
  it("refunds an out_request_no once, refuses more than remains, and notifies", async () => {
    const outTradeNo = newOrderNo();
    await openCashier(wapPayUrl(outTradeNo));
    await gateway.pay(outTradeNo);
    const refund = (amount: string, outRequestNo: string) =>
      exec("alipay.trade.refund", { out_trade_no: outTradeNo, refund_amount: amount, out_request_no: outRequestNo });

    expect(await refund("10.00", "R1")).toMatchObject({ code: "10000", fundChange: "Y", refundFee: "10.00" });
    expect(await refund("10.00", "R1")).toMatchObject({ code: "10000", fundChange: "N", refundFee: "10.00" });
    expect(gateway.refunds.filter((r) => r.outTradeNo === outTradeNo)).toHaveLength(1);
    expect(await refund("30.00", "R2")).toMatchObject({ code: "40004", subCode: "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL" });
    expect(gateway.trades.get(outTradeNo)?.refundFee).toBe("10.00");
    expect(
      await exec("alipay.trade.fastpay.refund.query", { out_trade_no: outTradeNo, out_request_no: "R1" }),
    ).toMatchObject({ refundAmount: "10.00", refundStatus: "REFUND_SUCCESS" });
    expect(
      await exec("alipay.trade.fastpay.refund.query", { out_trade_no: outTradeNo, out_request_no: "R2" }),
    ).not.toHaveProperty("refundStatus");

    await gateway.settled();
    const partial = notificationsOf(outTradeNo).find((n) => n.params.out_biz_no === "R1")?.params ?? {};
    expect(partial).toMatchObject({ trade_status: "TRADE_SUCCESS", refund_fee: "10.00" });
    expect(partial.gmt_refund).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/);
    expect(sdk.checkNotifySign(partial)).toBe(true);

    expect(await refund("28.00", "R3")).toMatchObject({ fundChange: "Y", refundFee: "38.00" });
    await gateway.settled();
    const full = notificationsOf(outTradeNo).find((n) => n.params.out_biz_no === "R3")?.params ?? {};
    expect(full).toMatchObject({ trade_status: "TRADE_CLOSED", refund_fee: "38.00" });
    expect(await exec("alipay.trade.query", { out_trade_no: outTradeNo })).toMatchObject({
      tradeStatus: "TRADE_CLOSED",
    });
  });
});

/** Reads the ZIP's central directory; entry names in GBK unless the UTF-8 flag is set. */
function unzip(archive: Buffer): { name: string; text: string }[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = archive.readUInt32LE(end + 16);
  const files: { name: string; text: string }[] = [];
  for (let i = archive.readUInt16LE(end + 10); i > 0; i--) {
    const flags = archive.readUInt16LE(at + 8);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const local = archive.readUInt32LE(at + 42);
    const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const packed = archive.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(packed) : packed;
    expect(crc32(data) >>> 0).toBe(crc);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "gbk").decode(
      archive.subarray(at + 46, at + 46 + nameLength),
    );
    files.push({ name, text: new TextDecoder("gbk").decode(data) });
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return files;
}

describe("bills (alipay.data.dataservice.bill.downloadurl.query)", () => {
  it("serves the day's business bill as a zipped GBK CSV listing trades and refunds", async () => {
    const paid = newOrderNo();
    await openCashier(wapPayUrl(paid));
    await gateway.pay(paid);
    await exec("alipay.trade.refund", { out_trade_no: paid, refund_amount: "10.00", out_request_no: `${paid}-R1` });
    const unknownHere = newOrderNo();
    gateway.addForeignTrade({ out_trade_no: unknownHere, total_amount: "66.00", paidAt: new Date() });
    const today = beijingTime().slice(0, 10);

    const answer = await exec("alipay.data.dataservice.bill.downloadurl.query", {
      bill_type: "trade",
      bill_date: today,
    });
    expect(answer).toMatchObject({ code: "10000" });
    const response = await fetch(answer.billDownloadUrl);
    expect(response.status).toBe(200);
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const account = `${gateway.sellerId}0156`;
    const day = today.replaceAll("-", "");
    expect(files.map((f) => f.name)).toEqual([
      `${account}_${day}_业务明细.csv`,
      `${account}_${day}_业务明细(汇总).csv`,
    ]);

    const lines = files[0]?.text.split("\n") ?? [];
    expect(lines[0]).toBe("#支付宝业务明细查询");
    expect(lines[1]).toBe(`#账号：[${account}]`);
    expect(lines[2]).toMatch(/^#起始日期：\[\d{4}年\d{2}月\d{2}日 00:00:00\] {3}终止日期：\[/);
    const header = lines.findIndex((line) => line.startsWith("支付宝交易号,"));
    const endAt = lines.findIndex((line) => line.includes("业务明细列表结束"));
    const rows = lines.slice(header + 1, endAt).map((line) => line.split(",").map((cell) => cell.trim()));
    const trade = gateway.trades.get(paid);
    expect(rows).toContainEqual(
      expect.arrayContaining([trade?.tradeNo, paid, "交易", "索前乡村游 · 门票", "38.00", "38.00"]),
    );
    expect(rows).toContainEqual(expect.arrayContaining([trade?.tradeNo, paid, "退款", "-10.00", `${paid}-R1`]));
    expect(rows).toContainEqual(expect.arrayContaining([unknownHere, "交易", "66.00"]));
    expect(lines.slice(endAt + 1).join("\n")).toMatch(/#交易合计：\d+笔[\s\S]*#退款合计：\d+笔[\s\S]*#导出时间：/);

    expect(
      await exec("alipay.data.dataservice.bill.downloadurl.query", { bill_type: "trade", bill_date: "2020-01-01" }),
    ).toMatchObject({ code: "40004", subCode: "isp.bill_not_exist" });
  });
});
