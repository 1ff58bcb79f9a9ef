import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Every server action and route handler, found in the code (not from a list),
// called as each kind of caller. Only what the permissions table and the
// ownership rules allow may get through; a new action or handler without an
// expectation here fails the test, so none can be added unguarded.

vi.hoisted(async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const nodePath = await import("node:path");
  process.env.UPLOADS_DIR = mkdtempSync(nodePath.join(tmpdir(), "suoqian-matrix-uploads-"));
  // The matrix calls each action a few times from one address; limits are tested elsewhere.
  process.env.RATE_LIMIT_SIGN_UP = "off";
  process.env.RATE_LIMIT_PASSWORD_RESET = "off";
  process.env.RATE_LIMIT_PASSWORD_RESET_EMAIL = "off";
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return {
    getTranslations: async () => apiTranslator("zh-CN"),
    getLocale: async () => "zh-CN",
  };
});
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));
// next-auth's own work (cookies, CSRF) needs a running server; its route here is the wrapper around it.
vi.mock("next-auth", () => ({
  default: () => async () => Response.json({ url: "http://127.0.0.1:3000/api/auth/error" }, { status: 200 }),
  getServerSession: vi.fn(),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => void Promise.resolve().then(task),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "192.0.2.77" }),
  cookies: async () => ({ getAll: () => [], get: () => undefined, has: () => false }),
}));

import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { hashToken } from "../../lib/codes";
import { addDays, shanghaiDateParts, shanghaiTime } from "../../lib/dates";
import { apiTranslator } from "../../lib/i18n/api";
import type { CurrentUser } from "../../modules/auth/session";
import { getCurrentUser } from "../../modules/auth/session";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder } from "../../modules/orders/create-order";
import { lineRefundInputSchema } from "../../modules/orders/line-refund-rules";
import { refundOrderLine } from "../../modules/orders/refund-order-line";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { root } from "../../scripts/lib/run";
import { testDb as db } from "../support/db";
import { editorPayload } from "../support/festival-payload";

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

const ROLES = ["anonymous", "visitor", "farmer", "anotherFarmer", "organiser", "anotherOrganiser", "admin"] as const;
type Role = (typeof ROLES)[number];
const SIGNED_IN = ROLES.filter((r) => r !== "anonymous");
const EVERYONE = [...ROLES];

type Fields = Record<string, string | Blob>;
type ActionFn = (previous: { status: "idle" }, data: FormData) => Promise<{ status: string; message?: string }>;

/**
 * An action: fresh input for each call; `allowed` are the callers that must get
 * past every access check; `undo` puts back what a successful call changed that
 * the other cases rely on.
 */
type ActionCase = {
  kind: "action";
  allowed: readonly Role[];
  input: (as: Role) => Promise<Fields>;
  undo?: () => Promise<unknown>;
};
/** A handler: a fresh request for each call; or `sameForAll` when the answer may not depend on who asks. */
type RouteCase =
  | {
      kind: "route";
      allowed: readonly Role[];
      request: (as: Role) => Promise<{ url: string; init?: RequestInit; params?: Record<string, unknown> }>;
    }
  | {
      kind: "sameForAll";
      request: (as: Role) => Promise<{ url: string; init?: RequestInit; params?: Record<string, unknown> }>;
    };

// ─── The world: one of each caller, and records each of them owns ───────────

let users: Record<Exclude<Role, "anonymous">, CurrentUser>;
let saleA: Awaited<ReturnType<typeof createSaleFixture>>;
let shopA: Awaited<ReturnType<typeof createShopFixture>>;
let routeId: string;
let routeSlug: string;
let n = 0;
const next = () => ++n;

async function userWith(role: CurrentUser["role"], name: string): Promise<CurrentUser> {
  return db.user.create({
    data: { email: `${name}-${Date.now()}-${next()}@example.com`, name, passwordHash: "x", role },
    select: { id: true, email: true, name: true, role: true },
  });
}

beforeAll(async () => {
  saleA = await createSaleFixture(db, { capacity: 1000, startsInHours: 96 });
  // A session in the daytime and a summary, so the festival editor's payload of it is valid as it stands.
  const { year, month, day } = shanghaiDateParts(addDays(new Date(), 4));
  await db.festivalSession.update({
    where: { id: saleA.session.id },
    data: { startsAt: shanghaiTime(year, month, day, 9), endsAt: shanghaiTime(year, month, day, 11) },
  });
  await db.festival.update({
    where: { id: saleA.festival.id },
    data: {
      summaryZh: "测试节庆",
      startsOn: shanghaiTime(year, month, day),
      endsOn: shanghaiTime(year, month, day + 1),
    },
  });
  const saleB = await createSaleFixture(db, { capacity: 1000, startsInHours: 96 });
  shopA = await createShopFixture(db, [{ stock: 1000 }]);
  const shopB = await createShopFixture(db, [{ stock: 1000 }]);
  const organiser = await userWith("ORGANISER", "organiser-a");
  const anotherOrganiser = await userWith("ORGANISER", "organiser-b");
  await db.festivalOrganiser.create({ data: { festivalId: saleA.festival.id, userId: organiser.id } });
  await db.festivalOrganiser.create({ data: { festivalId: saleB.festival.id, userId: anotherOrganiser.id } });
  const asUser = (u: { id: string; email: string | null; name: string; role: CurrentUser["role"] }) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
  });
  users = {
    visitor: await userWith("VISITOR", "visitor"),
    farmer: asUser(shopA.user),
    anotherFarmer: asUser(shopB.user),
    organiser,
    anotherOrganiser,
    admin: asUser(await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } })),
  };
  const route = await db.route.findFirstOrThrow({ where: { status: "PUBLISHED" } });
  routeId = route.id;
  routeSlug = route.slug;
});

// ─── Records made fresh for one call ───────────────────────────────────────

/** An order of festival A's tickets, placed by the visitor's account; paid unless asked otherwise. */
async function visitorsOrder(paid = true) {
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: saleA.single.id, sessionId: saleA.session.id, quantity: 1 }],
      customer: buyer(60_000 + next()),
    },
    { userId: users.visitor.id, locale: "zh-CN" },
  );
  if (paid) await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  return created;
}

/** A plan of the visitor's, shared by a link, on the festival's day. */
async function visitorsPlan() {
  const day = new Date(saleA.session.startsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return db.tripPlan.create({
    data: {
      userId: users.visitor.id,
      title: "周末",
      days: [day],
      shareToken: `share-${Date.now()}-${next()}-abcdefghijklmnop`,
      items: { create: [{ position: 0, kind: "SESSION", day: 0, sessionId: saleA.session.id }] },
    },
  });
}

const planBody = async () =>
  JSON.stringify({
    title: "周末",
    days: [new Date(saleA.session.startsAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)],
    items: [],
  });

/** A paid order line of farmer A's product. */
async function farmersLine() {
  const created = await createOrder(
    {
      items: [
        {
          kind: "product",
          productId: shopA.products[0]?.id ?? "",
          quantity: 1,
          fulfilment: { method: "workshop_pickup" },
        },
      ],
      customer: buyer(70_000 + next()),
    },
    { userId: null, locale: "zh-CN" },
  );
  await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  const line = await db.orderItem.findFirstOrThrow({ where: { orderId: created.order.id } });
  return line.id;
}

/** A refund of one yuan on a paid line of farmer A's, recorded by the farmer. */
async function farmersLineRefund() {
  const itemId = await farmersLine();
  const { refundId } = await refundOrderLine(
    { kind: "farmer", farmer: shopA.farmer, actor: users.farmer },
    lineRefundInputSchema.parse({ itemId, mode: "amount", amount: "1", reason: "short_weight" }),
  );
  return refundId;
}

const lineRefundFields = async () => ({
  itemId: await farmersLine(),
  mode: "amount",
  amount: "1",
  reason: "short_weight",
});

async function pendingApplication() {
  const applicant = await userWith("VISITOR", "applicant");
  const profile = await db.farmerProfile.create({
    data: {
      userId: applicant.id,
      workshopId: shopA.workshop.id,
      displayName: "申请人",
      village: "杜家村",
      phone: "13900000001",
    },
  });
  return profile.id;
}

async function festivalPayload() {
  return JSON.stringify(await editorPayload(users.admin, { id: saleA.festival.id }));
}

const png = async () =>
  new File(
    [
      await sharp({ create: { width: 8, height: 8, channels: 3, background: "#c00" } })
        .png()
        .toBuffer(),
    ],
    "photo.png",
    { type: "image/png" },
  );

const productFields = (id: string): Fields => ({
  id,
  nameZh: "东魁杨梅",
  nameEn: "Dongkui bayberries",
  descriptionZh: "",
  descriptionEn: "",
  category: "FRUIT",
  unit: "JIN",
  price: "68",
  stock: "900",
  pickupAtWorkshop: "on",
});

// ─── What each may do ──────────────────────────────────────────────────────

const ORGANISERS_OF_A = ["organiser", "admin"] as const;

const ACTIONS: Record<string, ActionCase> = {
  "modules/account/actions.ts#updateProfileAction": {
    kind: "action",
    // Every signed-in account edits its own profile (here: to what it already is).
    allowed: SIGNED_IN,
    input: async (as) => ({ name: as === "anonymous" ? "陌生人" : users[as].name, phone: "", locale: "zh-CN" }),
  },
  "modules/account/actions.ts#setTextRemindersAction": {
    kind: "action",
    // Every signed-in account chooses its own evening-before reminder (here: on, as it already is).
    allowed: SIGNED_IN,
    input: async () => ({ textReminders: "on" }),
  },
  "modules/account/actions.ts#requestContactCodeAction": {
    kind: "action",
    allowed: SIGNED_IN,
    input: async () => ({ channel: "EMAIL", address: `matrix-contact-${next()}@example.com` }),
  },
  "modules/account/actions.ts#verifyContactCodeAction": {
    kind: "action",
    // A code never sent: past the access checks, it is "expired".
    allowed: SIGNED_IN,
    input: async () => ({ channel: "EMAIL", address: `matrix-contact-${next()}@example.com`, code: "123456" }),
  },
  "modules/account/actions.ts#claimOrdersAction": {
    kind: "action",
    // A token that matches nothing: the order stays where it is.
    allowed: SIGNED_IN,
    input: async () => ({
      orders: JSON.stringify([{ id: (await visitorsOrder()).order.id, token: "not-its-token" }]),
    }),
  },
  "modules/account/actions.ts#deleteAccountAction": {
    kind: "action",
    // Only ever one's own account, with its password (here: a wrong one, so nothing is deleted).
    allowed: SIGNED_IN,
    input: async () => ({ password: "not-the-password" }),
  },
  "modules/auth/actions.ts#signUpAction": {
    kind: "action",
    allowed: EVERYONE,
    input: async () => ({
      name: "新游客",
      email: `new-${Date.now()}-${next()}@example.com`,
      password: "Bayberry-June-26",
      privacyConsent: PRIVACY_NOTICE_VERSION,
    }),
  },
  // Public: the link's token is the permission (here an unknown one: refused as invalid, not as forbidden).
  "modules/auth/actions.ts#confirmSignUpAction": {
    kind: "action",
    allowed: EVERYONE,
    input: async () => ({ token: randomBytes(32).toString("base64url") }),
  },
  "modules/auth/actions.ts#changePasswordAction": {
    kind: "action",
    // Every signed-in account may change its own password (here: a wrong current one).
    allowed: SIGNED_IN,
    input: async () => ({
      currentPassword: "not-it",
      newPassword: "Orchard-Path-77",
      repeatPassword: "Orchard-Path-77",
    }),
  },
  "modules/auth/actions.ts#requestPasswordResetAction": {
    kind: "action",
    allowed: EVERYONE,
    input: async () => ({ email: `nobody-${next()}@example.com` }),
  },
  "modules/auth/actions.ts#resetPasswordAction": {
    kind: "action",
    allowed: EVERYONE,
    input: async () => ({ token: "made-up", newPassword: "Orchard-Path-77", repeatPassword: "Orchard-Path-77" }),
  },
  "modules/bookings/actions.ts#cancelBookingAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => ({ orderId: (await visitorsOrder()).order.id, scope: "all" }),
  },
  "modules/bookings/actions.ts#resendConfirmationAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => ({ orderId: (await visitorsOrder()).order.id }),
  },
  "modules/bookings/actions.ts#retryRefundAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => {
      const { order } = await visitorsOrder();
      await cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } });
      const refund = await db.refund.findFirstOrThrow({ where: { payment: { orderId: order.id } } });
      return { orderId: order.id, refundId: refund.id };
    },
  },
  // A fresh unpaid hold of festival A from an address of its own, released by its organisers only.
  "modules/bookings/actions.ts#releaseHoldsAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => {
      const created = await createOrder(
        {
          items: [{ kind: "ticket", ticketTypeId: saleA.single.id, sessionId: saleA.session.id, quantity: 1 }],
          customer: buyer(76_000 + next()),
        },
        { userId: null, locale: "zh-CN" },
      );
      const clientAddress = `198.18.${Math.floor(n / 250)}.${n % 250}`;
      await db.order.update({ where: { id: created.order.id }, data: { clientAddress } });
      return { sessionId: saleA.session.id, clientAddress };
    },
  },
  "modules/farmer-applications/actions.ts#applyToSellAction": {
    kind: "action",
    allowed: ["visitor"],
    input: async () => ({
      workshopId: shopA.workshop.id,
      displayName: "新农户",
      village: "杜家村",
      phone: "13912345678",
    }),
  },
  "modules/farmer-applications/actions.ts#approveApplicationAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: await pendingApplication() }),
  },
  "modules/farmer-applications/actions.ts#rejectApplicationAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: await pendingApplication(), reason: "资料不全" }),
  },
  "modules/farmers/actions.ts#saveProductAction": {
    kind: "action",
    allowed: ["farmer"],
    input: async () => productFields(shopA.products[0]?.id ?? ""),
  },
  "modules/farmers/actions.ts#publishProductAction": {
    kind: "action",
    allowed: ["farmer"],
    input: async () => ({ id: shopA.products[0]?.id ?? "" }),
  },
  "modules/farmers/actions.ts#unpublishProductAction": {
    kind: "action",
    allowed: ["farmer"],
    input: async () => ({ id: shopA.products[0]?.id ?? "" }),
    undo: () => db.product.update({ where: { id: shopA.products[0]?.id ?? "" }, data: { status: "PUBLISHED" } }),
  },
  "modules/farmers/actions.ts#refundLineAction": {
    kind: "action",
    // Only the line's own farmer; another farmer's line is not found.
    allowed: ["farmer"],
    input: lineRefundFields,
  },
  "modules/farmers/actions.ts#retryLineRefundAction": {
    kind: "action",
    allowed: ["farmer"],
    input: async () => ({ refundId: await farmersLineRefund() }),
  },
  "modules/admin-orders/actions.ts#adminRefundLineAction": {
    kind: "action",
    allowed: ["admin"],
    input: lineRefundFields,
  },
  "modules/admin-orders/actions.ts#adminRetryLineRefundAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ refundId: await farmersLineRefund() }),
  },
  "modules/admin-orders/actions.ts#requeryPaymentAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => {
      const run = await db.reconciliation.create({
        data: { provider: "WECHATPAY", day: `2020-${randomUUID().slice(0, 8)}`, status: "done" },
      });
      const difference = await db.reconciliationDifference.create({
        data: { reconciliationId: run.id, kind: "paid_there_not_here", outTradeNo: `SQ${randomUUID().slice(0, 8)}-N` },
      });
      return { differenceId: difference.id };
    },
  },
  "modules/farmers/actions.ts#moveLineAction": {
    kind: "action",
    allowed: ["farmer"],
    input: async () => ({ itemId: await farmersLine(), to: "PACKED" }),
  },
  "modules/festivals/actions.ts#saveFestivalAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => ({ payload: await festivalPayload() }),
  },
  "modules/festivals/actions.ts#publishFestivalAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => ({ id: saleA.festival.id }),
  },
  "modules/festivals/actions.ts#unpublishFestivalAction": {
    kind: "action",
    allowed: ORGANISERS_OF_A,
    input: async () => ({ id: saleA.festival.id }),
    undo: () => db.festival.update({ where: { id: saleA.festival.id }, data: { status: "PUBLISHED" } }),
  },
  "modules/media/actions.ts#uploadRouteCoverAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ file: await png() }),
  },
  "modules/media/actions.ts#uploadProductPhotoAction": {
    kind: "action",
    // Any approved farmer may upload a photo; it belongs to no record until a product names it.
    allowed: ["farmer", "anotherFarmer"],
    input: async () => ({ file: await png() }),
  },
  "modules/orders/actions.ts#cancelOwnOrderAction": {
    kind: "action",
    // Without the order's token: only the account that placed it.
    allowed: ["visitor"],
    input: async () => ({ orderId: (await visitorsOrder()).order.id, scope: "all" }),
  },
  "modules/payments/actions.ts#demoPaymentAction": {
    kind: "action",
    allowed: ["visitor"],
    input: async () => ({ orderId: (await visitorsOrder(false)).order.id, decision: "pay" }),
  },
  "modules/payments/actions.ts#startCheckoutAction": {
    kind: "action",
    allowed: ["visitor"],
    input: async () => ({ orderId: (await visitorsOrder(false)).order.id }),
  },
  "modules/routes/actions.ts#saveRouteAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ payload: "{}" }),
  },
  "modules/routes/actions.ts#publishRouteAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: routeId }),
  },
  "modules/routes/actions.ts#unpublishRouteAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: routeId }),
    undo: () => db.route.update({ where: { id: routeId }, data: { status: "PUBLISHED" } }),
  },
  "modules/users/actions.ts#changeRoleAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: (await userWith("VISITOR", "promoted")).id, role: "ORGANISER" }),
  },
  "modules/users/actions.ts#setDisabledAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ id: (await userWith("VISITOR", "disabled")).id, disabled: "true" }),
  },
  "modules/waitlist/actions.ts#setWaitlistClosedAction": {
    kind: "action",
    // Reopening festival A's list (open already: nothing changes); another organiser's session is "not found".
    allowed: ORGANISERS_OF_A,
    input: async () => ({ sessionId: saleA.session.id, closed: "false" }),
  },
  "modules/workshops/actions.ts#saveWorkshopAction": {
    kind: "action",
    allowed: ["admin"],
    input: async () => ({ nameZh: "" }),
  },
};

const get = (url: string, params?: Record<string, unknown>) => async () => ({ url, params });

const ROUTES: Record<string, RouteCase> = {
  "app/api/account/export/route.ts GET": {
    kind: "route",
    allowed: SIGNED_IN,
    request: get("/api/account/export"),
  },
  "app/api/account/ticket-sessions/route.ts GET": {
    kind: "route",
    allowed: SIGNED_IN,
    request: get("/api/account/ticket-sessions"),
  },
  "app/api/auth/[...nextauth]/route.ts GET": {
    kind: "sameForAll",
    request: get("/api/auth/csrf", { nextauth: ["csrf"] }),
  },
  "app/api/auth/[...nextauth]/route.ts POST": {
    kind: "sameForAll",
    request: async () => ({
      url: "/api/auth/callback/credentials",
      init: {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "nobody@example.com", password: "x", json: "true" }).toString(),
      },
      params: { nextauth: ["callback", "credentials"] },
    }),
  },
  "app/api/check-in/route.ts POST": {
    kind: "route",
    allowed: ["organiser"],
    request: async () => ({
      url: "/api/check-in",
      init: { method: "POST", body: JSON.stringify({ code: "SQNOTACODE", festivalId: saleA.festival.id }) },
    }),
  },
  "app/api/check-in/manifest/route.ts GET": {
    kind: "route",
    allowed: ["organiser"],
    request: async () => {
      const { year, month, day } = shanghaiDateParts(saleA.session.startsAt);
      const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      return { url: `/api/check-in/manifest?festival=${saleA.festival.slug}&date=${date}` };
    },
  },
  "app/api/check-in/sync/route.ts POST": {
    kind: "route",
    allowed: ["organiser"],
    request: async () => ({
      url: "/api/check-in/sync",
      init: {
        method: "POST",
        body: JSON.stringify({
          deviceId: "matrix-device",
          festival: saleA.festival.slug,
          scans: [
            { id: `matrix-${next()}`, code: "SQNOTACODE", scannedAt: new Date().toISOString(), local: "unknown" },
          ],
        }),
      },
    }),
  },
  "app/api/check-in/stats/route.ts GET": {
    kind: "route",
    allowed: ["organiser"],
    request: async () => ({ url: `/api/check-in/stats?festivalId=${saleA.festival.id}` }),
  },
  "app/api/farmer/orders.csv/route.ts GET": {
    kind: "route",
    allowed: ["farmer", "anotherFarmer"],
    request: get("/api/farmer/orders.csv"),
  },
  "app/api/festivals/[slug]/availability/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({
      url: `/api/festivals/${saleA.festival.slug}/availability`,
      params: { slug: saleA.festival.slug },
    }),
  },
  "app/api/festivals/[slug]/bookings.csv/route.ts GET": {
    kind: "route",
    allowed: ORGANISERS_OF_A,
    request: async () => ({
      url: `/api/festivals/${saleA.festival.slug}/bookings.csv`,
      params: { slug: saleA.festival.slug },
    }),
  },
  "app/api/festivals/[slug]/holds/route.ts GET": {
    kind: "route",
    allowed: ORGANISERS_OF_A,
    request: async () => ({
      url: `/api/festivals/${saleA.festival.slug}/holds`,
      params: { slug: saleA.festival.slug },
    }),
  },
  // Public: festival A has seats, so every caller gets past the checks to "buy instead" (409).
  "app/api/festivals/[slug]/waitlist/route.ts POST": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({
      url: `/api/festivals/${saleA.festival.slug}/waitlist`,
      init: {
        method: "POST",
        body: JSON.stringify({
          sessionId: saleA.session.id,
          ticketTypeId: saleA.single.id,
          quantity: 1,
          customer: buyer(85_000 + next()),
          privacyConsent: PRIVACY_NOTICE_VERSION,
        }),
      },
      params: { slug: saleA.festival.slug },
    }),
  },
  // The entry's token from the confirmation mail is the permission, whoever is signed in.
  "app/api/festivals/[slug]/waitlist/[id]/route.ts DELETE": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => {
      const token = randomBytes(32).toString("base64url");
      const entry = await db.waitlistEntry.create({
        data: {
          sessionId: saleA.session.id,
          ticketTypeId: saleA.single.id,
          quantity: 1,
          customerName: "候补",
          customerPhone: "13900000002",
          customerEmail: `matrix-wait-${next()}@example.com`,
          leaveTokenHash: hashToken(token),
        },
      });
      return {
        url: `/api/festivals/${saleA.festival.slug}/waitlist/${entry.id}?token=${token}`,
        init: { method: "DELETE" },
        params: { slug: saleA.festival.slug, id: entry.id },
      };
    },
  },
  "app/api/festivals/route.ts GET": { kind: "route", allowed: EVERYONE, request: get("/api/festivals") },
  "app/api/health/route.ts GET": { kind: "route", allowed: EVERYONE, request: get("/api/health") },
  "app/api/orders/[id]/calendar/route.ts GET": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { order } = await visitorsOrder();
      return { url: `/api/orders/${order.id}/calendar`, params: { id: order.id } };
    },
  },
  "app/api/orders/[id]/route.ts GET": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { order } = await visitorsOrder();
      return { url: `/api/orders/${order.id}`, params: { id: order.id } };
    },
  },
  "app/api/orders/route.ts POST": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({
      url: "/api/orders",
      init: {
        method: "POST",
        body: JSON.stringify({
          items: [{ kind: "ticket", ticketTypeId: saleA.single.id, sessionId: saleA.session.id, quantity: 1 }],
          customer: buyer(80_000 + next()),
          privacyConsent: PRIVACY_NOTICE_VERSION,
        }),
      },
    }),
  },
  // Public: anyone may ask for a challenge, a code (with a solved challenge: 400 without) and check one.
  "app/api/phone-codes/challenge/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: get("/api/phone-codes/challenge"),
  },
  "app/api/phone-codes/route.ts POST": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({
      url: "/api/phone-codes",
      init: { method: "POST", body: JSON.stringify({ phone: "13900000003" }) },
    }),
  },
  "app/api/phone-codes/verify/route.ts POST": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({
      url: "/api/phone-codes/verify",
      init: { method: "POST", body: JSON.stringify({ phone: "13900000003", code: "000000" }) },
    }),
  },
  "app/api/products/route.ts GET": { kind: "route", allowed: EVERYONE, request: get("/api/products") },
  "app/api/products/stock/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({ url: `/api/products/stock?ids=${shopA.products[0]?.id}` }),
  },
  "app/api/routes/[slug]/geojson/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({ url: `/api/routes/${routeSlug}/geojson`, params: { slug: routeSlug } }),
  },
  "app/api/routes/[slug]/gpx/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({ url: `/api/routes/${routeSlug}/gpx`, params: { slug: routeSlug } }),
  },
  "app/api/routes/[slug]/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({ url: `/api/routes/${routeSlug}`, params: { slug: routeSlug } }),
  },
  "app/api/routes/route.ts GET": { kind: "route", allowed: EVERYONE, request: get("/api/routes") },
  "app/api/webhooks/stripe/route.ts POST": {
    kind: "sameForAll",
    request: async () => ({ url: "/api/webhooks/stripe", init: { method: "POST", body: "{}" } }),
  },
  "app/api/webhooks/alipay/route.ts POST": {
    kind: "sameForAll",
    request: async () => ({ url: "/api/webhooks/alipay", init: { method: "POST", body: "a=b" } }),
  },
  "app/api/wechat/oauth/route.ts GET": { kind: "sameForAll", request: async () => ({ url: "/api/wechat/oauth" }) },
  "app/api/webhooks/wechatpay/route.ts POST": {
    kind: "sameForAll",
    request: async () => ({ url: "/api/webhooks/wechatpay", init: { method: "POST", body: "{}" } }),
  },
  "app/api/trips/route.ts GET": { kind: "route", allowed: SIGNED_IN, request: get("/api/trips") },
  "app/api/trips/route.ts POST": {
    kind: "route",
    allowed: SIGNED_IN,
    request: async () => ({ url: "/api/trips", init: { method: "POST", body: await planBody() } }),
  },
  "app/api/trips/[id]/route.ts GET": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}`, params: { id } };
    },
  },
  "app/api/trips/[id]/route.ts PUT": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}`, init: { method: "PUT", body: await planBody() }, params: { id } };
    },
  },
  "app/api/trips/[id]/route.ts DELETE": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}`, init: { method: "DELETE" }, params: { id } };
    },
  },
  "app/api/trips/[id]/share/route.ts POST": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}/share`, init: { method: "POST" }, params: { id } };
    },
  },
  "app/api/trips/[id]/share/route.ts DELETE": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}/share`, init: { method: "DELETE" }, params: { id } };
    },
  },
  "app/api/trips/[id]/calendar/route.ts GET": {
    kind: "route",
    allowed: ["visitor"],
    request: async () => {
      const { id } = await visitorsPlan();
      return { url: `/api/trips/${id}/calendar`, params: { id } };
    },
  },
  "app/api/trips/shared/[token]/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => {
      const { shareToken } = await visitorsPlan();
      return { url: `/api/trips/shared/${shareToken}`, params: { token: shareToken } };
    },
  },
  "app/api/trips/shared/[token]/calendar/route.ts GET": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => {
      const { shareToken } = await visitorsPlan();
      return { url: `/api/trips/shared/${shareToken}/calendar`, params: { token: shareToken } };
    },
  },
  "app/api/trips/preview/route.ts POST": {
    kind: "route",
    allowed: EVERYONE,
    request: async () => ({ url: "/api/trips/preview", init: { method: "POST", body: await planBody() } }),
  },
  "app/api/workshops/route.ts GET": { kind: "route", allowed: EVERYONE, request: get("/api/workshops") },
  // The service worker's script; an unknown file is the same 404 for everyone.
  "app/serwist/[path]/route.ts GET": {
    kind: "sameForAll",
    request: get("/serwist/not-a-file.js", { path: "not-a-file.js" }),
  },
  "app/media/[id]/[file]/route.ts GET": {
    kind: "sameForAll",
    request: get("/media/0123456789abcdef0123456789abcdef/480.webp", {
      id: "0123456789abcdef0123456789abcdef",
      file: "480.webp",
    }),
  },
};

// ─── Finding them in the code ──────────────────────────────────────────────

function filesUnder(dir: string, name: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(root, dir))) {
    const rel = path.join(dir, entry);
    if (statSync(path.join(root, rel)).isDirectory()) out.push(...filesUnder(rel, name));
    else if (name(entry)) out.push(rel);
  }
  return out;
}

/** Every exported server action: the functions exported by a "use server" module. */
async function discoverActions(): Promise<Map<string, ActionFn>> {
  const found = new Map<string, ActionFn>();
  const files = filesUnder("modules", (f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts")).filter((file) =>
    /^\s*["']use server["']/.test(readFileSync(path.join(root, file), "utf8")),
  );
  for (const file of files) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value === "function") found.set(`${file}#${name}`, value as ActionFn);
    }
  }
  return found;
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Handler = (request: Request, ctx: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

/** Every exported HTTP method of every route.ts under app/. */
async function discoverRoutes(): Promise<Map<string, Handler>> {
  const found = new Map<string, Handler>();
  for (const file of filesUnder("app", (f) => f === "route.ts")) {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    for (const method of METHODS) {
      if (typeof mod[method] === "function") found.set(`${file} ${method}`, mod[method] as Handler);
    }
  }
  return found;
}

// ─── Calling them ──────────────────────────────────────────────────────────

const t = apiTranslator("zh-CN");
const REFUSALS = new Set([t("errors.signInRequired"), t("errors.forbidden"), t("errors.notFound")]);

function as(role: Role) {
  signedIn.mockResolvedValue(role === "anonymous" ? null : users[role]);
}

async function callAction(
  action: ActionFn,
  fields: Fields,
  say: (message: string) => void,
): Promise<"allowed" | "refused"> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  const state = await action({ status: "idle" }, data);
  say(state.status === "error" ? (state.message ?? "") : state.status);
  return state.status === "error" && REFUSALS.has(state.message ?? "") ? "refused" : "allowed";
}

async function callRoute(handler: Handler, spec: Awaited<ReturnType<RouteCase["request"]>>) {
  const request = new NextRequest(new URL(spec.url, "http://127.0.0.1:3000"), spec.init as never);
  return handler(request, { params: Promise.resolve(spec.params ?? {}) });
}

let actions: Map<string, ActionFn>;
let routes: Map<string, Handler>;

describe("the authorization matrix", () => {
  beforeAll(async () => {
    actions = await discoverActions();
    routes = await discoverRoutes();
  }, 120_000);

  it("has an expectation for every server action and route handler in the code, and none for what is gone", () => {
    expect([...actions.keys()].sort()).toEqual(Object.keys(ACTIONS).sort());
    expect([...routes.keys()].sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it.each(Object.entries(ACTIONS))(
    "%s lets through exactly its callers",
    async (key, expectation) => {
      const action = actions.get(key);
      if (!action) throw new Error(`${key} is not in the code`);
      const outcomes: Record<string, string> = {};
      const messages: string[] = [];
      for (const role of ROLES) {
        const fields = await expectation.input(role);
        as(role);
        outcomes[role] = await callAction(action, fields, (message) => messages.push(`${role}: ${message}`));
        await expectation.undo?.();
      }
      expect(outcomes, messages.join("\n")).toEqual(
        Object.fromEntries(ROLES.map((r) => [r, expectation.allowed.includes(r) ? "allowed" : "refused"])),
      );
    },
    60_000,
  );

  it.each(Object.entries(ROUTES))(
    "%s lets through exactly its callers",
    async (key, expectation) => {
      const handler = routes.get(key);
      if (!handler) throw new Error(`${key} is not in the code`);
      const statuses: Record<string, number> = {};
      for (const role of ROLES) {
        const spec = await expectation.request(role);
        as(role);
        statuses[role] = (await callRoute(handler, spec)).status;
      }
      for (const status of Object.values(statuses)) expect(status).toBeLessThan(500);
      if (expectation.kind === "sameForAll") {
        expect(new Set(Object.values(statuses)).size).toBe(1);
        return;
      }
      const outcomes = Object.fromEntries(
        Object.entries(statuses).map(([role, s]) => [role, [401, 403, 404].includes(s) ? "refused" : "allowed"]),
      );
      expect(outcomes).toEqual(
        Object.fromEntries(ROLES.map((r) => [r, expectation.allowed.includes(r) ? "allowed" : "refused"])),
      );
    },
    60_000,
  );
});
