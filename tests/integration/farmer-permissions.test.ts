import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Uploads go to a directory of this test's own (set before the app's settings load).
vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  process.env.UPLOADS_DIR = mkdtempSync(path.join(tmpdir(), "suoqian-uploads-"));
});
// The actions ask next-auth who is signed in, next-intl for messages and Next to
// revalidate pages; here the test says who is signed in, and the rest is stood in for.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));

import sharp from "sharp";
import { GET as CSV } from "../../app/api/farmer/orders.csv/route";
import { shanghaiDateTimeText } from "../../lib/dates";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import {
  moveLineAction,
  publishProductAction,
  saveProductAction,
  unpublishProductAction,
} from "../../modules/farmers/actions";
import { packingList, weeklySales } from "../../modules/farmers/order-line-queries";
import { uploadProductPhotoAction } from "../../modules/media/actions";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { createShopFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

type Shop = Awaited<ReturnType<typeof createShopFixture>>;
let mine: Shop;
let theirs: Shop;
let pending: Shop;
let visitor: CurrentUser;
let organiser: CurrentUser;
let myLine: string;
let theirLine: string;
let orderCode: string;

const as = (user: { id: string; email: string | null; name: string; role: CurrentUser["role"] } | null) =>
  signedIn.mockResolvedValue(user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null);
const form = (fields: Record<string, string | Blob>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const idle = { status: "idle" } as const;
const productFields = (over: Record<string, string> = {}) => ({
  nameZh: "东魁杨梅",
  nameEn: "Dongkui bayberries",
  descriptionZh: "",
  descriptionEn: "",
  category: "FRUIT",
  unit: "JIN",
  price: "68",
  stock: "40",
  pickupAtWorkshop: "on",
  ...over,
});

beforeAll(async () => {
  mine = await createShopFixture(db, [{ stock: 10 }]);
  theirs = await createShopFixture(db, [{ stock: 10 }], { workshopId: mine.workshop.id });
  pending = await createShopFixture(db, [{}], { farmerStatus: "PENDING" });
  visitor = await db.user.create({
    data: { email: `visitor-${Date.now()}@example.com`, name: "游客", passwordHash: "x", role: "VISITOR" },
  });
  organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@suoqian.test" } });
  // One paid order holding a line of each farmer.
  const created = await createOrder(
    {
      items: [
        {
          kind: "product",
          productId: mine.products[0]?.id ?? "",
          quantity: 2,
          fulfilment: { method: "workshop_pickup" },
        },
        {
          kind: "product",
          productId: theirs.products[0]?.id ?? "",
          quantity: 1,
          fulfilment: { method: "workshop_pickup" },
        },
      ],
      customer,
    },
    { userId: null, locale: "zh-CN" },
  );
  const order = await db.order.findUniqueOrThrow({ where: { id: created.order.id } });
  expect(await payDemo(order)).toMatchObject({ result: "paid" });
  orderCode = order.code;
  const items = await db.orderItem.findMany({ where: { orderId: order.id } });
  myLine = items.find((i) => i.farmerId === mine.farmer.id)?.id ?? "";
  theirLine = items.find((i) => i.farmerId === theirs.farmer.id)?.id ?? "";
});

describe("a farmer's products", () => {
  it("are created in the farmer's own workshop, as drafts", async () => {
    as(mine.user);
    const result = await saveProductAction(idle, form(productFields()));
    expect(result.status).toBe("success");
    if (result.status !== "success") return;
    const product = await db.product.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(product).toMatchObject({
      farmerId: mine.farmer.id,
      workshopId: mine.workshop.id,
      status: "DRAFT",
      priceCents: 6800,
      stock: 40,
    });
    expect(product.slug).toMatch(/^dongkui-bayberries-[a-f0-9]{6}$/);
  });

  it("can be changed and published by their farmer only; anyone else changes nothing", async () => {
    const product = mine.products[0];
    if (!product) throw new Error("fixture");
    const update = () => form(productFields({ id: product.id, price: "1", stock: "10" }));
    const cases: [string, Parameters<typeof as>[0], string][] = [
      ["another farmer", theirs.user, "找不到"],
      ["a farmer not yet approved", pending.user, "没有权限"],
      ["a visitor", visitor, "没有权限"],
      ["an organiser", organiser, "没有权限"],
      ["a stranger", null, "登录"],
    ];
    for (const [who, user, message] of cases) {
      as(user);
      for (const attempt of [
        saveProductAction(idle, update()),
        publishProductAction(idle, form({ id: product.id })),
        unpublishProductAction(idle, form({ id: product.id })),
      ]) {
        const result = await attempt;
        expect(result.status, who).toBe("error");
        if (result.status === "error") expect(result.message, who).toContain(message);
      }
    }
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      priceCents: product.priceCents,
      status: product.status,
      stock: product.stock,
    });

    as(mine.user);
    expect((await unpublishProductAction(idle, form({ id: product.id }))).status).toBe("success");
    expect((await db.product.findUniqueOrThrow({ where: { id: product.id } })).status).toBe("DRAFT");
    expect((await publishProductAction(idle, form({ id: product.id }))).status).toBe("success");
    const saved = await saveProductAction(idle, update());
    expect(saved.status).toBe("success");
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toMatchObject({
      priceCents: 100,
      status: "PUBLISHED",
      farmerId: mine.farmer.id,
    });
  });

  it("keep stock at or above what is sold, and refuse bad input with field errors", async () => {
    const product = mine.products[0];
    if (!product) throw new Error("fixture");
    as(mine.user);
    const before = await db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect(before.reserved).toBe(2);
    const low = await saveProductAction(idle, form(productFields({ id: product.id, stock: "1" })));
    expect(low.status === "error" && low.fields.stock).toContain("2");
    for (const [field, over] of [
      ["price", { price: "abc" }],
      ["price", { price: "0" }],
      ["stock", { stock: "-3" }],
      ["nameZh", { nameZh: "" }],
      ["category", { category: "GOLD" }],
      ["pickupAtWorkshop", { pickupAtWorkshop: "" }],
      ["availableUntil", { availableFrom: "2027-06-10", availableUntil: "2027-06-01" }],
      ["images", { images: JSON.stringify([{ url: "https://evil.example/x.png", width: 1, height: 1 }]) }],
    ] as const) {
      const result = await saveProductAction(idle, form(productFields({ id: product.id, ...over })));
      expect(result.status, field).toBe("error");
      if (result.status === "error") expect(Object.keys(result.fields), field).toContain(field);
    }
    expect(await db.product.findUniqueOrThrow({ where: { id: product.id } })).toEqual(before);
  });

  it("take photos that are images of a sane size, uploaded by an approved farmer", async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#c33" } })
      .png()
      .toBuffer();
    as(mine.user);
    const ok = await uploadProductPhotoAction(
      idle,
      form({ file: new File([png], "berries.png", { type: "image/png" }) }),
    );
    expect(ok).toMatchObject({ status: "success", data: { width: 1200, height: 800 } });
    const text = await uploadProductPhotoAction(
      idle,
      form({ file: new File(["hello"], "fake.png", { type: "image/png" }) }),
    );
    expect(text.status).toBe("error");
    const huge = await uploadProductPhotoAction(
      idle,
      form({ file: new File([new Uint8Array(9 * 1024 * 1024)], "huge.jpg", { type: "image/jpeg" }) }),
    );
    expect(huge.status).toBe("error");
    for (const user of [visitor, pending.user, null]) {
      as(user);
      const refused = await uploadProductPhotoAction(
        idle,
        form({ file: new File([png], "b.png", { type: "image/png" }) }),
      );
      expect(refused.status).toBe("error");
    }
  });
});

describe("a farmer's order lines", () => {
  it("move forward for their own farmer only; anyone else changes nothing", async () => {
    for (const user of [theirs.user, pending.user, visitor, organiser, null]) {
      as(user);
      const result = await moveLineAction(idle, form({ itemId: myLine, to: "PACKED" }));
      expect(result.status).toBe("error");
    }
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: myLine } })).fulfilmentStatus).toBe("PAID");

    as(mine.user);
    expect((await moveLineAction(idle, form({ itemId: theirLine, to: "PACKED" }))).status).toBe("error");
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: theirLine } })).fulfilmentStatus).toBe("PAID");
    // Out of order (a pickup is never shipped), then the real steps.
    expect(
      (await moveLineAction(idle, form({ itemId: myLine, to: "SHIPPED", trackingNumber: "SF123456789" }))).status,
    ).toBe("error");
    expect(await moveLineAction(idle, form({ itemId: myLine, to: "READY" }))).toMatchObject({ status: "success" });
    expect((await moveLineAction(idle, form({ itemId: myLine, to: "READY" }))).status).toBe("error");
    expect(await moveLineAction(idle, form({ itemId: myLine, to: "COLLECTED" }))).toMatchObject({ status: "success" });
    expect((await db.orderItem.findUniqueOrThrow({ where: { id: myLine } })).fulfilmentStatus).toBe("COLLECTED");
  });

  it("add up per week and go on the day's packing list of their own farmer only", async () => {
    const order = await db.order.findUniqueOrThrow({ where: { code: orderCode } });
    const paidAt = order.paidAt ?? new Date();
    const mineLine = await db.orderItem.findUniqueOrThrow({ where: { id: myLine } });
    const weeks = await weeklySales(mine.farmer, paidAt);
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)).toMatchObject({ cents: mineLine.totalCents + mineLine.deliveryFeeCents, lines: 1 });
    expect(weeks.slice(0, -1).every((w) => w.cents === 0 && w.lines === 0)).toBe(true);
    // Weeks start on Monday (Suoqian time).
    expect(new Date(`${weeks.at(-1)?.week}T12:00:00Z`).getUTCDay()).toBe(1);

    const day = shanghaiDateTimeText(paidAt).slice(0, 10);
    const theirList = await packingList(theirs.farmer, day);
    expect(theirList.lines.map((l) => l.order.code)).toEqual([orderCode]);
    expect(theirList.totals).toEqual([
      { name: { zh: theirs.products[0]?.nameZh, en: theirs.products[0]?.nameEn }, unit: "JIN", quantity: 1 },
    ]);
    const myList = await packingList(mine.farmer, day);
    expect(myList.totals.map((x) => x.quantity)).toEqual([2]);
    expect(myList.lines.every((l) => l.id !== theirLine)).toBe(true);
  });

  it("export as CSV with only the farmer's own lines", async () => {
    as(theirs.user);
    const res = await CSV(new Request("http://127.0.0.1/api/farmer/orders.csv?status=all"), {});
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // A byte-order mark first, so Excel reads the Chinese as UTF-8.
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv).toContain(orderCode);
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(csv).toContain(theirs.products[0]?.nameZh ?? "?");

    as(visitor);
    expect((await CSV(new Request("http://127.0.0.1/api/farmer/orders.csv"), {})).status).toBe(403);
    as(pending.user);
    expect((await CSV(new Request("http://127.0.0.1/api/farmer/orders.csv"), {})).status).toBe(403);
    as(null);
    expect((await CSV(new Request("http://127.0.0.1/api/farmer/orders.csv"), {})).status).toBe(401);
  });
});
