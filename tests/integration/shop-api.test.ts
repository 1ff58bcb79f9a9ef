import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listProductsResponse, listWorkshopsResponse, type ShopLoaders, stockResponse } from "../../modules/shop/api";
import { findPublishedProducts, findPublishedWorkshops, findStock } from "../../modules/shop/product-queries";
import { MAX_STOCK_IDS } from "../../modules/shop/stock-ids";
import { testDb as db } from "../support/db";

// The shop API over the real read models (uncached: Next's data cache needs a running
// server). The test brings a workshop of its own, so its products are known exactly.
const loaders: ShopLoaders = { products: findPublishedProducts, workshops: findPublishedWorkshops, stock: findStock };

const tag = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const WORKSHOP = `test-workshop-${tag}`;
const DAY = 24 * 3600_000;
const now = new Date();
const at = (days: number) => new Date(now.getTime() + days * DAY);

type ApiProduct = {
  id: string;
  slug: string;
  name: { zh: string; en: string };
  priceCents: number;
  currency: string;
  unit: string;
  unitLabel: { zh: string; en: string };
  stock: number | null;
  availableFrom: string | null;
  workshop: { slug: string; name: { zh: string; en: string } };
};
type ApiWorkshop = { slug: string; place: { lat: number; lng: number } | null; products: number; name: unknown };

const ids: Record<string, string> = {};
const slug = (name: string) => `${name}-${tag}`;

async function products(workshop: string | null = WORKSHOP, locale: "zh-CN" | "en" = "zh-CN", load = loaders) {
  return listProductsResponse(workshop, locale, load, now);
}

beforeAll(async () => {
  const workshop = await db.workshop.create({
    data: { slug: WORKSHOP, nameZh: "测试工坊", nameEn: "Test workshop", storyZh: "故事", storyEn: "Story" },
  });
  const farmer = async (name: string, status: "APPROVED" | "PENDING" | "REJECTED") => {
    const user = await db.user.create({
      data: { email: `${name}-${tag}@example.com`, name, passwordHash: "x", role: "FARMER" },
    });
    return db.farmerProfile.create({
      data: {
        userId: user.id,
        workshopId: workshop.id,
        displayName: name,
        village: "测试村",
        phone: "13800000000",
        status,
      },
    });
  };
  const approved = await farmer("approved", "APPROVED");
  const pending = await farmer("pending", "PENDING");
  const rejected = await farmer("rejected", "REJECTED");
  // Listed oldest first within a season group, so each gets its own creation time.
  const rows: {
    name: string;
    farmerId: string;
    stock: number | null;
    reserved?: number;
    from?: Date;
    until?: Date;
    status?: "DRAFT" | "PUBLISHED";
    unit?: "JIN" | "BOX" | "PORTION";
  }[] = [
    { name: "over", farmerId: approved.id, stock: 50, from: at(-60), until: at(-1) },
    { name: "preorder-late", farmerId: approved.id, stock: 50, from: at(30), until: at(60) },
    { name: "plain", farmerId: approved.id, stock: 10, reserved: 3 },
    { name: "preorder-soon", farmerId: approved.id, stock: 20, from: at(10), until: at(40), unit: "BOX" },
    { name: "made-to-order", farmerId: approved.id, stock: null, unit: "PORTION" },
    { name: "sold-out", farmerId: approved.id, stock: 5, reserved: 5, from: at(-3), until: at(3) },
    { name: "draft", farmerId: approved.id, stock: 10, status: "DRAFT" },
    { name: "pending-farmer", farmerId: pending.id, stock: 10 },
    { name: "rejected-farmer", farmerId: rejected.id, stock: 10 },
  ];
  for (const [i, r] of rows.entries()) {
    const product = await db.product.create({
      data: {
        slug: slug(r.name),
        farmerId: r.farmerId,
        workshopId: workshop.id,
        category: "FRUIT",
        nameZh: `测试${r.name}`,
        nameEn: `Test ${r.name}`,
        unit: r.unit ?? "JIN",
        priceCents: 1000 + i,
        stock: r.stock,
        reserved: r.reserved ?? 0,
        availableFrom: r.from ?? null,
        availableUntil: r.until ?? null,
        status: r.status ?? "PUBLISHED",
        createdAt: new Date(now.getTime() - (100 - i) * 1000),
      },
    });
    ids[r.name] = product.id;
  }
});

afterAll(async () => {
  const workshop = await db.workshop.findUnique({ where: { slug: WORKSHOP } });
  if (workshop) {
    await db.product.deleteMany({ where: { workshopId: workshop.id } });
    const farmers = await db.farmerProfile.findMany({ where: { workshopId: workshop.id } });
    await db.farmerProfile.deleteMany({ where: { workshopId: workshop.id } });
    await db.user.deleteMany({ where: { id: { in: farmers.map((f) => f.userId) } } });
    await db.workshop.delete({ where: { id: workshop.id } });
  }
  await db.$disconnect();
});

describe("GET /api/products", () => {
  it("lists only published products of approved farmers", async () => {
    const res = await products(null);
    expect(res.status).toBe(200);
    const { products: all } = (await res.json()) as { products: ApiProduct[] };
    const onSale = await db.product.findMany({
      where: { status: "PUBLISHED", farmer: { status: "APPROVED" } },
      select: { id: true },
    });
    expect(all.map((p) => p.id).sort()).toEqual(onSale.map((p) => p.id).sort());
    for (const hidden of ["draft", "pending-farmer", "rejected-farmer"]) {
      expect(all.map((p) => p.slug)).not.toContain(slug(hidden));
    }
    // The demo workshops' products are there too.
    expect(all.some((p) => p.workshop.slug === "dujia-bayberry")).toBe(true);
  });

  it("filters by workshop, in season first, then pre-orders by date, then the rest", async () => {
    const { products: mine } = (await (await products()).json()) as { products: ApiProduct[] };
    expect(mine.map((p) => p.slug)).toEqual(
      ["plain", "made-to-order", "sold-out", "preorder-soon", "preorder-late", "over"].map(slug),
    );
    expect(mine.every((p) => p.workshop.slug === WORKSHOP)).toBe(true);
  });

  it("gives stock as stock minus reserved, and null when made to order", async () => {
    const { products: mine } = (await (await products()).json()) as { products: ApiProduct[] };
    const bySlug = new Map(mine.map((p) => [p.slug, p]));
    expect(bySlug.get(slug("plain"))?.stock).toBe(7);
    expect(bySlug.get(slug("sold-out"))?.stock).toBe(0);
    expect(bySlug.get(slug("made-to-order"))?.stock).toBeNull();
    expect(bySlug.get(slug("plain"))).toEqual({
      id: ids.plain,
      slug: slug("plain"),
      name: { zh: "测试plain", en: "Test plain" },
      priceCents: 1002,
      currency: "CNY",
      unit: "jin",
      unitLabel: { zh: "斤", en: "jin" },
      stock: 7,
      availableFrom: null,
      workshop: { slug: WORKSHOP, name: { zh: "测试工坊", en: "Test workshop" } },
    });
    expect(bySlug.get(slug("preorder-soon"))).toMatchObject({ unit: "box", availableFrom: at(10).toISOString() });
    expect(bySlug.get(slug("made-to-order"))?.unit).toBe("portion");
  });

  it("reads stock live beside a cached list, and leaves out what was unpublished since", async () => {
    const cachedList = await findPublishedProducts();
    const stale: ShopLoaders = { ...loaders, products: async () => cachedList };
    await db.product.update({ where: { id: ids.plain }, data: { reserved: 9 } });
    await db.product.update({ where: { id: ids["preorder-late"] }, data: { status: "DRAFT" } });
    try {
      const { products: mine } = (await (await products(WORKSHOP, "zh-CN", stale)).json()) as {
        products: ApiProduct[];
      };
      expect(mine.find((p) => p.id === ids.plain)?.stock).toBe(1);
      expect(mine.map((p) => p.id)).not.toContain(ids["preorder-late"]);
    } finally {
      await db.product.update({ where: { id: ids.plain }, data: { reserved: 3 } });
      await db.product.update({ where: { id: ids["preorder-late"] }, data: { status: "PUBLISHED" } });
    }
  });

  it("answers an unknown workshop with 404 in the caller's language", async () => {
    const zh = await products("no-such-workshop", "zh-CN");
    expect(zh.status).toBe(404);
    const zhBody = (await zh.json()) as { error: string; message: string };
    expect(zhBody.error).toBe("not_found");
    expect(zhBody.message).toContain("工坊");
    const en = await products("no-such-workshop", "en");
    expect(en.status).toBe(404);
    expect(((await en.json()) as { message: string }).message).toContain("No workshop");
  });
});

describe("GET /api/workshops", () => {
  it("lists every workshop with its place and the number of products on sale", async () => {
    const res = await listWorkshopsResponse(loaders);
    expect(res.status).toBe(200);
    const { workshops } = (await res.json()) as { workshops: ApiWorkshop[] };
    expect(workshops.length).toBe(await db.workshop.count());
    const mine = workshops.find((w) => w.slug === WORKSHOP);
    expect(mine).toMatchObject({ place: null, products: 6, name: { zh: "测试工坊", en: "Test workshop" } });
    const dujia = workshops.find((w) => w.slug === "dujia-bayberry");
    expect(dujia?.place).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
    const dujiaOnSale = await db.product.count({
      where: { workshop: { slug: "dujia-bayberry" }, status: "PUBLISHED", farmer: { status: "APPROVED" } },
    });
    expect(dujia?.products).toBe(dujiaOnSale);
  });
});

describe("GET /api/products/stock", () => {
  const stock = (param: string | null, locale: "zh-CN" | "en" = "zh-CN") => stockResponse(param, locale, loaders);

  it("gives live stock per id, null when made to order, and leaves out products not on sale", async () => {
    const res = await stock([ids.plain, ids["made-to-order"], ids["sold-out"], ids.draft, "unknown-id"].join(","));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({
      stock: { [ids.plain as string]: 7, [ids["made-to-order"] as string]: null, [ids["sold-out"] as string]: 0 },
    });
  });

  it("refuses a missing, empty, malformed or too long ids list with 400 in the caller's language", async () => {
    const tooMany = Array.from({ length: MAX_STOCK_IDS + 1 }, (_, i) => `id${i}`).join(",");
    for (const param of [null, "", " , ", "a;b", "../x", tooMany]) {
      const res = await stock(param);
      expect(res.status, String(param)).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe("invalid_request");
    }
    const en = (await (await stock(null, "en")).json()) as { message: string };
    expect(en.message).toContain(`1 to ${MAX_STOCK_IDS}`);
    const exactly = Array.from({ length: MAX_STOCK_IDS }, (_, i) => `id${i}`).join(",");
    expect((await stock(exactly)).status).toBe(200);
  });
});
