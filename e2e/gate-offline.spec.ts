import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { storageStateFor } from "./support";

// A gate without signal: the organiser's phone decides scans from the day's ticket list it
// downloaded, queues them, and syncs when the signal returns; a ticket admitted on two
// phones while both were offline is recorded as a conflict. Needs the production build.

/** Buys one bayberry entry ticket through the API and pays on the order page (demo payment). */
async function buyPaidTicket(page: Page, request: APIRequestContext) {
  const { festivals } = await (await request.get("/api/festivals")).json();
  const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
  const sessionId: string = bayberry.sessions[2].id;
  const created = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId, quantity: 1 }],
      customer: { name: "离线检票游客", phone: "13900007777", email: "gate-offline@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const { paymentUrl } = await created.json();
  await page.goto(new URL(paymentUrl).pathname + new URL(paymentUrl).search);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const code = (await page.getByTestId("ticket-code").textContent()) ?? "";
  return { sessionId, code };
}

/** Opens the gate on the session and waits until its ticket list is on the device. */
async function openGate(page: Page, sessionId: string) {
  await page.goto(`/organiser/check-in?festival=bayberry-festival&session=${sessionId}`);
  await expect(page.getByLabel("场次")).toHaveValue(sessionId);
  const status = page.getByTestId("gate-status");
  await expect(status).toHaveAttribute("data-online", "true");
  await expect(status).toContainText(/本机清单：\d+ 张票/);
  await expect(page.getByTestId("gate-last-sync")).toContainText("上次同步：");
}

async function scan(page: Page, text: string) {
  const field = page.getByLabel("票号或二维码内容");
  await field.fill(text);
  await field.press("Enter");
  const answer = page.getByTestId("check-in-answer");
  await expect(answer).toBeVisible();
  return answer;
}

/** Taps the answer away (an admission also gives way by itself after 3 s). */
async function dismiss(page: Page) {
  const answer = page.getByTestId("check-in-answer");
  await answer.click({ timeout: 1000 }).catch(() => undefined);
  await expect(answer).toBeHidden({ timeout: 5000 });
}

/** Waits until the service worker keeps the gate page, so it reloads without signal. */
async function gatePageKept(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (!(await caches.has("suoqian-gate-pages"))) return 0;
          return (await (await caches.open("suoqian-gate-pages")).keys()).length;
        }),
      { timeout: 15_000 },
    )
    .toBeGreaterThan(0);
}

/** The copy of the gate page the service worker keeps for this address, as HTML. */
async function keptGatePage(page: Page) {
  return page.evaluate(async () => {
    if (!(await caches.has("suoqian-gate-pages"))) return "";
    const kept = await (await caches.open("suoqian-gate-pages")).match(location.href, { ignoreVary: true });
    return kept ? await kept.text() : "";
  });
}

/** The gate's counter, "已检票 {checkedIn} / {total}", as numbers. */
async function counter(page: Page) {
  const text = (await page.getByTestId("check-in-counter").textContent()) ?? "";
  const [, checkedIn, total] = /已检票 (\d+) \/ (\d+)/.exec(text) ?? [];
  expect(checkedIn, `counter: ${text}`).toBeDefined();
  return { checkedIn: Number(checkedIn), total: Number(total) };
}

async function secondGate(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({
    baseURL,
    storageState: storageStateFor("organiser"),
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
  return { context, page: await context.newPage() };
}

const checkedInOnDashboard = async (page: Page, sessionId: string) => {
  await page.goto("/organiser/festivals/bayberry-festival");
  return Number(await page.locator(`[data-session-row="${sessionId}"] [data-stat="checkedIn"]`).textContent());
};

test.describe("a gate without signal", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("admits offline, refuses a second scan and a forged code, syncs when back online (a reload without signal then shows the synced count, still signed in); a second phone's admission is a conflict", async ({
    page,
    context,
    request,
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const { sessionId, code } = await buyPaidTicket(page, request);
    const before = await checkedInOnDashboard(page, sessionId);

    // Both phones open the gate with signal, so each keeps the day's ticket list.
    await openGate(page, sessionId);
    await gatePageKept(page);
    const shown = await counter(page);
    const admittedCounter = `已检票 ${shown.checkedIn + 1} / ${shown.total}`;
    const other = await secondGate(browser, baseURL);
    await openGate(other.page, sessionId);

    // The signal goes.
    await context.setOffline(true);
    await other.context.setOffline(true);
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "false");
    await expect(page.getByTestId("gate-status")).toContainText("离线：在本机检票");

    let answer = await scan(page, code);
    await expect(answer).toHaveAttribute("data-result", "ok");
    await expect(answer).toHaveAttribute("data-offline", "true");
    await expect(answer).toContainText("有效，请入场");
    await expect(answer).toContainText("入园采摘票·含一篮");
    await dismiss(page);
    answer = await scan(page, code.toLowerCase());
    await expect(answer).toHaveAttribute("data-result", "already_used");
    await dismiss(page);
    answer = await scan(page, `SQT2.${code.replaceAll("-", "")}.${"A".repeat(86)}`);
    await expect(answer).toHaveAttribute("data-result", "forged");
    await expect(answer).toContainText("无效票");
    await dismiss(page);
    await expect(page.getByTestId("gate-queued")).toHaveAttribute("data-count", "3");
    await expect(page.getByRole("button", { name: "立即同步（3）" })).toBeDisabled();

    // A reload without signal: the service worker serves the gate, the list is still on the phone,
    // and the counter (kept from before) counts the admission made on the phone.
    await page.reload();
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "false");
    await expect(page.getByTestId("gate-queued")).toHaveAttribute("data-count", "3");
    await expect(page.getByTestId("check-in-counter")).toHaveText(admittedCounter);
    answer = await scan(page, code);
    await expect(answer).toHaveAttribute("data-result", "already_used");
    await dismiss(page);

    // The second phone, also offline, lets the same visitor in a little later.
    answer = await scan(other.page, code);
    await expect(answer).toHaveAttribute("data-result", "ok");
    await dismiss(other.page);

    // The signal returns: the first phone syncs by itself; the dashboard has the admission.
    await context.setOffline(false);
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "true");
    await expect(page.getByTestId("gate-queued")).toHaveAttribute("data-count", "0", { timeout: 15_000 });
    await expect(page.getByTestId("check-in-counter")).toHaveText(admittedCounter);

    // After the sync the phone keeps the gate again, with the synced count: the signal goes once
    // more and a reload shows that count, and the header still shows the organiser signed in.
    await expect.poll(() => keptGatePage(page), { timeout: 15_000 }).toContain(admittedCounter);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "false");
    await expect(page.getByTestId("check-in-counter")).toHaveText(admittedCounter);
    await expect(page.getByTestId("user-menu")).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: "登录", exact: true })).toBeHidden();
    await context.setOffline(false);
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "true");

    const dashboard = await context.newPage();
    expect(await checkedInOnDashboard(dashboard, sessionId)).toBe(before + 1);

    // The second phone syncs with its button: its admission is recorded as a conflict.
    await other.context.setOffline(false);
    await other.page.getByRole("button", { name: /立即同步|正在同步/ }).click();
    await expect(other.page.getByTestId("gate-queued")).toHaveAttribute("data-count", "0", { timeout: 15_000 });
    await expect(other.page.getByTestId("gate-conflicts")).toContainText("1 张票已在其他设备入场");
    // And it learns the admission: a scan now is already used, online.
    answer = await scan(other.page, code);
    await expect(answer).toHaveAttribute("data-result", "already_used");
    await expect(answer).not.toHaveAttribute("data-offline", "true");
    await other.context.close();

    await dashboard.goto("/organiser");
    const conflict = dashboard
      .getByTestId("check-in-conflicts")
      .locator(`[data-conflict="${code.replaceAll("-", "")}"]`);
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("先入场");
    await expect(conflict).toContainText("冲突");
    await expect(conflict).toContainText(/设备 gate-[0-9a-f]+/);
    expect(await checkedInOnDashboard(dashboard, sessionId)).toBe(before + 1);
  });
  test("warns the operator when the phone has not synced for ten minutes, and the warning goes with a sync", async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000);
    await page.clock.install();
    const { festivals } = await (await page.request.get("/api/festivals")).json();
    const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
    await openGate(page, bayberry.sessions[2].id);
    await expect(page.getByTestId("gate-stale")).toBeHidden();

    await context.setOffline(true);
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "false");
    // Nine minutes without signal: nothing to say yet.
    await page.clock.fastForward("09:00");
    await expect(page.getByTestId("gate-stale")).toBeHidden();
    // Past ten: the gate says so.
    await page.clock.fastForward("02:00");
    await expect(page.getByTestId("gate-stale")).toBeVisible();

    // The signal returns and the phone syncs: the warning goes.
    await context.setOffline(false);
    await expect(page.getByTestId("gate-status")).toHaveAttribute("data-online", "true");
    await expect(page.getByTestId("gate-stale")).toBeHidden({ timeout: 15_000 });
  });
});
