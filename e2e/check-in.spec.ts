import { writeFileSync } from "node:fs";
import { type APIRequestContext, chromium, expect, type Page, test } from "@playwright/test";
import sharp from "sharp";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { storageStateFor } from "./support";

// The gate at /organiser/check-in: the organiser checks in tickets bought and paid in the test.

type Bought = { sessionId: string; codes: string[]; qrSvgs: string[] };

/** Buys bayberry entry tickets through the API and pays on the order page (demo payment). */
async function buyPaidTickets(page: Page, request: APIRequestContext, quantity: number): Promise<Bought> {
  const { festivals } = await (await request.get("/api/festivals")).json();
  const bayberry = festivals.find((f: { slug: string }) => f.slug === "bayberry-festival");
  const sessionId: string = bayberry.sessions[2].id;
  const created = await request.post("/api/orders", {
    data: {
      items: [{ kind: "ticket", ticketTypeId: bayberry.ticketTypes[0].id, sessionId, quantity }],
      customer: { name: "检票游客", phone: "13900005555", email: "gate@example.com" },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const { paymentUrl } = await created.json();
  await page.goto(new URL(paymentUrl).pathname + new URL(paymentUrl).search);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const tickets = page.locator("[data-ticket]");
  await expect(tickets).toHaveCount(quantity);
  const codes = await page.getByTestId("ticket-code").allTextContents();
  const qrSvgs = await tickets.locator('[role="img"]').evaluateAll((els) => els.map((el) => el.innerHTML));
  return { sessionId, codes, qrSvgs };
}

/** Opens the gate for the bayberry festival and one session, through the pickers, as an organiser would. */
async function openGate(page: Page, sessionId: string) {
  // A festival this organiser does not run is not offered: the gate opens on their own.
  await page.goto("/organiser/check-in?festival=cherry-festival");
  await expect(page.getByRole("heading", { level: 1, name: "检票" })).toBeVisible();
  await expect(page.getByLabel("节庆").locator("option")).toHaveText(["杜家杨梅节"]);
  await expect(page.getByLabel("节庆")).toHaveValue("bayberry-festival");
  await page.getByLabel("场次").selectOption(sessionId);
  await expect(page).toHaveURL(new RegExp(`session=${sessionId}`));
  // A reload keeps the gate: it lives in the URL.
  await page.reload();
  await expect(page.getByLabel("场次")).toHaveValue(sessionId);
}

test.describe("checking tickets in at the gate", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("the organiser types a code: valid, then already checked in, and a forged QR is refused", async ({
    page,
    request,
  }) => {
    const { sessionId, codes } = await buyPaidTickets(page, request, 1);
    const code = codes[0] ?? "";
    await openGate(page, sessionId);
    const counter = page.getByTestId("check-in-counter");
    const before = Number(/已检票 (\d+) \//.exec((await counter.textContent()) ?? "")?.[1]);
    const field = page.getByLabel("票号或二维码内容");
    await expect(field).toBeFocused();

    await field.fill(code);
    await field.press("Enter");
    const answer = page.getByTestId("check-in-answer");
    await expect(answer).toHaveAttribute("data-result", "ok");
    await expect(answer).toContainText("有效，请入场");
    await expect(answer).toContainText("入园采摘票·含一篮");
    await expect(answer).toContainText("检票游客");
    await expect(counter).toContainText(`已检票 ${before + 1} /`);
    // It gives way by itself, ready for the next ticket.
    await expect(answer).toBeHidden({ timeout: 5000 });
    await expect(field).toBeFocused();

    await field.fill(code.toLowerCase());
    await field.press("Enter");
    await expect(answer).toHaveAttribute("data-result", "already_used");
    await expect(answer).toContainText("已检过票");
    await expect(answer).toContainText(/首次检票：.*\d{2}:\d{2}/);
    await answer.click();
    await expect(answer).toBeHidden();
    await expect(counter).toContainText(`已检票 ${before + 1} /`);

    await field.fill(`SQT1.${code.replaceAll("-", "")}.AAAAAAAAAAAAAAAA`);
    await field.press("Enter");
    await expect(answer).toHaveAttribute("data-result", "forged");
    await expect(answer).toContainText("无效票");
    await answer.click();

    await field.fill("ZZZZ-ZZZZ-ZZ");
    await field.press("Enter");
    await expect(answer).toHaveAttribute("data-result", "unknown");
    await expect(answer).toContainText("查无此票");
  });

  test("says so when the camera cannot be used, and typing still works", async ({ page }) => {
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("denied", "NotAllowedError"));
    });
    await page.goto("/organiser/check-in");
    await page.getByRole("button", { name: "用摄像头扫码" }).click();
    await expect(page.getByTestId("camera-problem")).toHaveText(/没有摄像头权限/);
    await page.getByLabel("票号或二维码内容").fill("ZZZZZZZZZZ");
    await page.getByRole("button", { name: "检票", exact: true }).click();
    await expect(page.getByTestId("check-in-answer")).toHaveAttribute("data-result", "unknown");
  });

  test("the English gate answers in English", async ({ page }) => {
    await page.goto("/en/organiser/check-in");
    await expect(page.getByRole("heading", { level: 1, name: "Check-in" })).toBeVisible();
    await page.getByLabel("Ticket code or QR content").fill("SQT1.ZZZZZZZZZZ.AAAAAAAAAAAAAAAA");
    await page.getByLabel("Ticket code or QR content").press("Enter");
    await expect(page.getByTestId("check-in-answer")).toContainText("Invalid: forged or altered code");
  });
});

test.describe("a camera at the gate", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("reads a ticket's QR code from the camera and checks it in", async ({ page, request, baseURL }) => {
    test.setTimeout(60_000);
    const { sessionId, qrSvgs } = await buyPaidTickets(page, request, 1);
    // Chromium's fake camera plays a video file: one 640×480 frame of the ticket's QR code.
    const video = test.info().outputPath("ticket-qr.y4m");
    writeFileSync(video, await y4mFrame(qrSvgs[0] ?? "", 640, 480));
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        `--use-file-for-fake-video-capture=${video}`,
      ],
    });
    try {
      const context = await browser.newContext({
        baseURL,
        storageState: storageStateFor("organiser"),
        permissions: ["camera"],
        locale: "zh-CN",
        timezoneId: "Asia/Shanghai",
      });
      const gate = await context.newPage();
      await openGate(gate, sessionId);
      await gate.getByRole("button", { name: "用摄像头扫码" }).click();
      await expect(gate.getByTestId("camera-video")).toBeVisible();
      const answer = gate.getByTestId("check-in-answer");
      await expect(answer).toHaveAttribute("data-result", "ok", { timeout: 15_000 });
      await expect(answer).toContainText("检票游客");
      // The same code still held in front of the camera is not read again as "already checked in".
      await expect(answer).toBeHidden({ timeout: 5000 });
      await gate.waitForTimeout(1500);
      await expect(answer).toBeHidden();
      await expect(gate.getByTestId("check-in-counter")).toContainText(/已检票 [1-9]\d* \//);

      // Where the browser has its own BarcodeDetector (phones), the gate uses it instead of jsQR.
      const native = await context.newPage();
      await native.addInitScript(() => {
        Object.assign(window, {
          BarcodeDetector: class {
            static async getSupportedFormats() {
              return ["qr_code"];
            }
            async detect() {
              return [{ rawValue: "SQT1.ZZZZZZZZZZ.AAAAAAAAAAAAAAAA" }];
            }
          },
        });
      });
      await native.goto("/organiser/check-in");
      await native.getByRole("button", { name: "用摄像头扫码" }).click();
      await expect(native.getByTestId("check-in-answer")).toHaveAttribute("data-result", "forged");
    } finally {
      await browser.close();
    }
  });
});

test.describe("who may open the gate", () => {
  for (const role of ["visitor", "farmer"] as const) {
    test.describe(`as the demo ${role}`, () => {
      test.use({ storageState: storageStateFor(role) });
      test("is refused (403)", async ({ page }) => {
        const response = await page.goto("/organiser/check-in");
        expect(response?.status()).toBe(403);
        await expect(page.getByTestId("forbidden")).toBeVisible();
        await expect(page.getByLabel("票号或二维码内容")).toHaveCount(0);
      });
    });
  }
});

/** A one-frame YUV4MPEG2 video (4:2:0) of an SVG drawn in the middle of a white frame. */
async function y4mFrame(svg: string, width: number, height: number): Promise<Buffer> {
  const side = Math.round(height * 0.75);
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(side, side, { kernel: "nearest" })
    .flatten({ background: "#ffffff" })
    .extend({
      top: (height - side) / 2,
      bottom: (height - side) / 2,
      left: (width - side) / 2,
      right: (width - side) / 2,
      background: "#ffffff",
    })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const luma = Buffer.alloc(width * height);
  for (let i = 0; i < luma.length; i++) luma[i] = data[i * info.channels] ?? 255;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, chroma]);
}
