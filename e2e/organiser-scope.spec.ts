import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { formatTicketCode } from "../lib/ticket-code";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { storageStateFor } from "./support";

// One order with tickets of both festivals: each festival's organiser sees only
// their own tickets of it, and cannot admit the other festival's at their gate.

type Festival = { id: string; slug: string; ticketTypes: { id: string }[]; sessions: { id: string }[] };

async function buyBoth(page: Page, request: APIRequestContext) {
  const { festivals } = (await (await request.get("/api/festivals")).json()) as { festivals: Festival[] };
  const pick = (slug: string) => {
    const f = festivals.find((x) => x.slug === slug);
    if (!f?.ticketTypes[0] || !f.sessions[1]) throw new Error(`the seed has no ${slug} to sell`);
    return {
      festival: f,
      item: { kind: "ticket", ticketTypeId: f.ticketTypes[0].id, sessionId: f.sessions[1].id, quantity: 1 },
    };
  };
  const cherry = pick("cherry-festival");
  const bayberry = pick("bayberry-festival");
  const created = await request.post("/api/orders", {
    data: {
      items: [cherry.item, bayberry.item],
      customer: { name: "两节游客", phone: "13900007777", email: `both-${Date.now()}@example.com` },
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
  });
  expect(created.status()).toBe(201);
  const { order, paymentUrl } = await created.json();
  const url = new URL(paymentUrl);
  await page.goto(url.pathname + url.search);
  await page.getByRole("button", { name: "支付（演示）", exact: true }).click();
  await expect(page.getByTestId("order-status")).toHaveText("已支付");
  const paid = await (
    await request.get(`/api/orders/${order.id}`, {
      headers: { authorization: `Bearer ${url.searchParams.get("token")}` },
    })
  ).json();
  const codes = (sessionId: string) =>
    (paid.order.tickets as { code: string; sessionId: string }[])
      .filter((t) => t.sessionId === sessionId)
      .map((t) => t.code);
  return {
    orderId: order.id as string,
    cherry: { festivalId: cherry.festival.id, codes: codes(cherry.item.sessionId) },
    bayberry: { festivalId: bayberry.festival.id, codes: codes(bayberry.item.sessionId) },
  };
}

for (const [role, mine, theirs] of [
  ["organiserCherry", "cherry", "bayberry"],
  ["organiser", "bayberry", "cherry"],
] as const) {
  test.describe(`the ${mine} festival's organiser`, () => {
    test.use({ storageState: storageStateFor(role) });

    test(`sees only the ${mine} tickets of a shared order and cannot admit the ${theirs} ones`, async ({
      page,
      request,
    }) => {
      const bought = await buyBoth(page, request);
      expect(bought[mine].codes).toHaveLength(1);
      expect(bought[theirs].codes).toHaveLength(1);
      const response = await page.goto(`/organiser/orders/${bought.orderId}`);
      expect(response?.status()).toBe(200);
      // Codes read as everywhere else: 4-4-2.
      await expect(page.getByText(formatTicketCode(bought[mine].codes[0] ?? "?"))).toBeVisible();
      await expect(page.getByText(formatTicketCode(bought[theirs].codes[0] ?? "?"))).toHaveCount(0);
      // The other festival's gate is not theirs to run.
      const foreign = await request.post("/api/check-in", {
        data: { code: bought[theirs].codes[0], festivalId: bought[theirs].festivalId },
      });
      expect(foreign.status()).toBe(403);
      // At their own gate the other festival's ticket is unknown, and nothing is admitted.
      const own = await request.post("/api/check-in", {
        data: { code: bought[theirs].codes[0], festivalId: bought[mine].festivalId },
      });
      expect(own.status()).toBe(200);
      expect((await own.json()).result).toBe("unknown");
    });
  });
}
