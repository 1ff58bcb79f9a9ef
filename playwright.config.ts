import { defineConfig, devices } from "@playwright/test";

// The test runner (scripts/test.ts) builds the app, prepares a fresh database and
// starts the server; this file only describes the browser side.
const baseURL = process.env.E2E_BASE_URL;
if (!baseURL || !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(baseURL)) {
  throw new Error("E2E_BASE_URL must point at a local server (run e2e through `npm test`).");
}

const chromium = {
  ...devices["Desktop Chrome"],
  locale: "zh-CN",
  timezoneId: "Asia/Shanghai",
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: process.env.E2E_JSON_REPORT ?? "test-results/e2e.json" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/, use: chromium },
    { name: "chromium", dependencies: ["setup"], use: chromium },
  ],
});
