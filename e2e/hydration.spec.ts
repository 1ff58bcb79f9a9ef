import { expect, test } from "@playwright/test";

// A page whose server HTML and first client render differ is rendered again on the phone
// (React throws the server's work away for the whole boundary): the benchmarked pages
// must hydrate without a mismatch, in both languages, with nothing logged as an error.
const PAGES = ["/", "/routes/picking-bayberries-dujia", "/festivals/bayberry-festival", "/shop"];

test.use({ viewport: { width: 390, height: 844 } });

for (const path of [...PAGES, ...PAGES.map((p) => (p === "/" ? "/en" : `/en${p}`))]) {
  test(`${path} hydrates without a mismatch or an error`, async ({ page }) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      const text = message.text();
      if (message.type() === "error" || /hydrat|did not match|recoverable/i.test(text)) problems.push(text);
    });
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(path);
    // Hydrated and settled: the header's sign-in link is interactive, the live figures have arrived.
    await expect(page.getByRole("banner").getByRole("link", { name: /^(登录|Sign in)$/ })).toBeVisible();
    await page.waitForLoadState("networkidle");
    // Tiles come from the internet, which these machines cannot reach: their failures are not the page's.
    expect(
      problems.filter(
        (p) =>
          !/Failed to load resource: net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|TIMED_OUT)/i.test(
            p,
          ),
      ),
    ).toEqual([]);
  });
}
