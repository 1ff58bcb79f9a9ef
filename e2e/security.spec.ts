import { type APIRequestContext, expect, test } from "@playwright/test";
import { chooseEmailSignIn, DEMO_PASSWORD, signIn, storageStateFor } from "./support";

// What an attacker tries first, against the running app.

/** Signs in through next-auth's endpoint as its browser client does; the status of the answer. */
async function tryPassword(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, json: "true" },
  });
}

test.describe("guessing passwords", () => {
  test("20 wrong passwords for one account from one address get a 429 with Retry-After before the 20th", async ({
    request,
  }) => {
    const email = `guess-${Date.now()}@suoqian.test`;
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof tryPassword>> | null = null;
    for (let i = 0; i < 20; i++) {
      const answer = await tryPassword(request, email, `wrong-${i}`);
      statuses.push(answer.status());
      if (answer.status() === 429) {
        limited = answer;
        break;
      }
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.length).toBeLessThan(20);
    expect(limited?.headers()["retry-after"]).toMatch(/^\d+$/);
    expect(await limited?.json()).toMatchObject({ error: "rate_limited", message: expect.stringContaining("分钟") });
  });

  test("wrong passwords sent as a JSON body (which next-auth reads too) count against the account alike", async ({
    request,
  }) => {
    const email = `json-guess-${Date.now()}@suoqian.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      const answer = await request.post("/api/auth/callback/credentials", {
        data: { email, password: `wrong-${i}`, csrfToken, json: "true" },
      });
      statuses.push(answer.status());
      if (answer.status() === 429) break;
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  test("the sign-in form says so in the user's language", async ({ page, request }) => {
    const email = `form-guess-${Date.now()}@suoqian.test`;
    for (let i = 0; i < 10; i++) await tryPassword(request, email, `wrong-${i}`);
    await signIn(page, email, "another-wrong-one");
    await expect(page.locator("form").getByRole("alert")).toHaveText("登录失败次数过多，请稍后再试，或重设密码。");
  });

  test("the password printed in old READMEs opens no demo account; this install's does", async ({ request }) => {
    for (const email of ["admin@suoqian.test", "organiser@suoqian.test", "visitor@suoqian.test"]) {
      expect((await tryPassword(request, email, "Suoqian2026!")).status()).toBe(401);
    }
    expect((await tryPassword(request, "visitor@suoqian.test", DEMO_PASSWORD)).status()).toBe(200);
  });
});

test.describe("after signing in", () => {
  for (const target of [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%2F%5C%09%5Cevil.example",
    "%2F..%2F%2Fevil.example",
    "%2F.%2F%2Fevil.example",
    "%2Fa%2F..%2F%2Fevil.example",
    "%2F%2e%2e%2F%2Fevil.example",
  ]) {
    test(`never leaves the site for callbackUrl=${target}`, async ({ page }) => {
      await page.goto(`/sign-in?callbackUrl=${target}`);
      await chooseEmailSignIn(page);
      await page.getByLabel("电子邮箱").fill("visitor@suoqian.test");
      await page.getByLabel("密码").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(page).toHaveURL(/\/account$/);
      expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL ?? "").host);
    });
  }

  test("callbackUrl=/en/account lands on /en/account, not /en/en/account", async ({ page }) => {
    await page.goto("/en/sign-in?callbackUrl=/en/account");
    await chooseEmailSignIn(page);
    await page.getByLabel("Email").fill("visitor@suoqian.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/en\/account$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
});

function expectSecurityHeaders(h: Record<string, string>, camera: "camera=(self)" | "camera=()", api = false) {
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // A page loads only from this site; an API answer loads nothing at all.
  expect(h["content-security-policy"]).toContain(api ? "default-src 'none'" : "default-src 'self'");
  if (!api) expect(h["content-security-policy"]).toContain("object-src 'none'");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain(camera);
  // The test server's site URL is http: no HSTS (it is sent when NEXTAUTH_URL is https).
  expect(h["strict-transport-security"]).toBeUndefined();
}

test.describe("security headers", () => {
  for (const path of ["/", "/en/festivals/bayberry-festival", "/api/orders", "/api/routes"]) {
    test(`are on ${path}`, async ({ request }) => {
      const answer = path === "/api/orders" ? await request.post(path, { data: {} }) : await request.get(path);
      expect(answer.status()).toBeLessThan(500);
      expectSecurityHeaders(answer.headers(), "camera=()", path.startsWith("/api/"));
    });
  }

  test("let a page render with no policy violation in the browser", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto("/routes/red-town-to-wang-huayan-memorial");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/festivals/bayberry-festival");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("the gate's headers", () => {
  test.use({ storageState: storageStateFor("organiser") });

  test("are on /organiser/check-in, which alone may use the camera", async ({ request }) => {
    const answer = await request.get("/organiser/check-in");
    expect(answer.status()).toBe(200);
    expectSecurityHeaders(answer.headers(), "camera=(self)");
  });
});

test.describe("odd input", () => {
  for (const path of [
    "/api/routes/%ZZ",
    "/api/routes/%ZZ/gpx",
    "/api/festivals/%ZZ/availability",
    "/api/orders/%ZZ",
    "/api/orders/%ZZ/calendar",
    "/api/orders/%00",
    "/api/routes?category=%00",
    "/calendar/%ZZ",
    "/media/%ZZ/480.webp",
    "/routes/%E0%A4%A",
  ]) {
    test(`answers 400, not 500, for ${path}`, async ({ request }) => {
      const answer = await request.get(path);
      expect(answer.status()).toBe(400);
    });
  }

  test("does not repeat a long unknown path in its headers (no Link header)", async ({ request }) => {
    const path = `/routes/${"a".repeat(190)}/${"b".repeat(190)}/${"c".repeat(190)}`;
    const answer = await request.get(path);
    expect(answer.status()).toBe(404);
    // A Link header may preload the page's stylesheet; it never carries the path.
    expect(answer.headers().link ?? "").not.toContain("aaaa");
    // Next's router echoes a rewritten path once (x-middleware-rewrite); nothing else does.
    const size = Object.entries(answer.headers()).reduce((sum, [k, v]) => sum + k.length + v.length, 0);
    expect(size).toBeLessThan(path.length + 2000);
  });

  test("answers 414 for a path segment longer than any of the site's", async ({ request }) => {
    const answer = await request.get(`/routes/${"a".repeat(3000)}`);
    expect(answer.status()).toBe(414);
    expect(answer.headers().link).toBeUndefined();
  });

  test("answers 413 with the photo limit in the user's language for an upload over the limit", async ({ request }) => {
    const answer = await request.post("/farmer/products/new", {
      headers: { "next-action": "0".repeat(42), "accept-language": "en" },
      multipart: { file: { name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(10 * 1024 * 1024, 1) } },
    });
    expect(answer.status()).toBe(413);
    expect(await answer.text()).toContain("8 MB");
  });
});

test.describe("a photo over the limit in the editor", () => {
  test.use({ storageState: storageStateFor("farmer") });

  test("is refused at once with the reason, without sending it", async ({ page }) => {
    await page.goto("/farmer/products/new");
    let sent = false;
    page.on("request", (r) => {
      if (r.method() === "POST") sent = true;
    });
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: "huge.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(9 * 1024 * 1024, 1) });
    await expect(page.getByText("图片太大：请上传 8 MB 以内、4000 万像素以内的照片。")).toBeVisible();
    expect(sent).toBe(false);
  });
});
