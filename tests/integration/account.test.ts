import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The visitor's account and privacy rights (issue 11): the orders and tickets an
// account finds, verification codes, the claim of a browser's guest orders, the
// profile, "download my data", "delete my account", and consent to the privacy
// notice at sign-up and checkout. Actions run as a mocked signed-in user.

const request = vi.hoisted(() => {
  // Sign-ups here come from one address; the sign-up limit has tests of its own.
  process.env.RATE_LIMIT_SIGN_UP = "off";
  return { locale: "zh-CN" as "zh-CN" | "en" };
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator(request.locale), getLocale: async () => request.locale };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.77" }) }));
// Next's `after` (the sign-up mail goes after the answer): its tasks run at once here.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: (task: () => unknown) => {
    void Promise.resolve().then(task);
  },
}));

import { GET as exportData } from "../../app/api/account/export/route";
import { tokenMatches } from "../../lib/codes";
import { apiTranslator } from "../../lib/i18n/api";
import { UserError } from "../../lib/user-error";
import { updateProfileAction } from "../../modules/account/actions";
import { claimOrders } from "../../modules/account/claim-orders";
import { CODE_VALID_MS } from "../../modules/account/contact-code";
import { deleteAccount, deletedEmail } from "../../modules/account/delete-account";
import { findAccountOrders } from "../../modules/account/order-queries";
import { requestContactCode } from "../../modules/account/request-contact-code";
import { findAccountTickets } from "../../modules/account/ticket-queries";
import { verifyContactCode } from "../../modules/account/verify-contact-code";
import { signUpAction } from "../../modules/auth/actions";
import { authenticate, sessionUser } from "../../modules/auth/authenticate";
import { hashPassword } from "../../modules/auth/password";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { confirmSignUp } from "../../modules/auth/sign-up";
import { createOrderResponse } from "../../modules/orders/api";
import { createOrder } from "../../modules/orders/create-order";
import type { CreateOrderInput } from "../../modules/orders/schemas";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { setDisabled } from "../../modules/users/set-disabled";
import { createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";
import { mailedSignUpToken, signUpByMail } from "../support/sign-up";

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());
beforeEach(() => {
  request.locale = "zh-CN";
  signedIn.mockResolvedValue(null);
});

const zh = apiTranslator("zh-CN");
const en = apiTranslator("en");
const idle = { status: "idle" } as const;
const PASSWORD = "Bayberry-June-26";

let n = 0;
const unique = () => `${Date.now()}-${++n}`;
let phones = 0;
const phone = () => `137${String(Date.now() % 10_000).padStart(4, "0")}${String(++phones).padStart(4, "0")}`;

async function makeUser(opts: { locale?: "zh-CN" | "en"; role?: CurrentUser["role"] } = {}) {
  return withEmail(
    await db.user.create({
      data: {
        email: `acct-${unique()}@example.com`,
        name: "账户游客",
        phone: "13800138000",
        passwordHash: await hashPassword(PASSWORD),
        role: opts.role ?? "VISITOR",
        locale: opts.locale ?? "zh-CN",
      },
      select: { id: true, email: true, name: true, role: true },
    }),
  );
}

/** The accounts made here all have an e-mail. */
function withEmail<T extends { email: string | null }>(user: T): T & { email: string } {
  if (user.email === null) throw new Error("a test account without an e-mail");
  return { ...user, email: user.email };
}

type Sale = Awaited<ReturnType<typeof createSaleFixture>>;

/** An order of tickets for the sale's session, paid unless asked otherwise. */
async function ticketOrder(
  sale: Sale,
  customer: CreateOrderInput["customer"],
  opts: { userId?: string | null; quantity?: number; paid?: boolean } = {},
) {
  const created = await createOrder(
    {
      items: [
        { kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: opts.quantity ?? 1 },
      ],
      customer,
      privacyConsent: PRIVACY_NOTICE_VERSION,
    },
    { userId: opts.userId ?? null, locale: "zh-CN" },
  );
  if (opts.paid !== false) await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  return created;
}

const guest = (email: string, mobile = phone()) => ({ name: "游客甲", phone: mobile, email });

/** The code in the newest mail (or text) sent to an address, as its owner would read it. */
async function codeSentTo(address: string): Promise<string> {
  const mail = await db.email.findFirst({ where: { to: address }, orderBy: { createdAt: "desc" } });
  const text =
    mail?.text ?? (await db.textMessage.findFirst({ where: { to: address }, orderBy: { createdAt: "desc" } }))?.text;
  const code = /(?<!\d)\d{6}(?!\d)/.exec(text ?? "")?.[0];
  if (!code) throw new Error(`no code sent to ${address}`);
  return code;
}

async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("the account's orders and tickets", () => {
  it("lists its own orders and the guest orders of a verified e-mail, never those of an address only typed", async () => {
    const sale = await createSaleFixture(db, { capacity: 50, startsInHours: 96 });
    const user = await makeUser();
    const verified = `verified-${unique()}@example.com`;
    const own = await ticketOrder(sale, guest(user.email), { userId: user.id });
    const found = await ticketOrder(sale, guest(verified), { quantity: 2 });
    // The account's own e-mail was typed at sign-up, never proved: its guest orders stay hidden.
    const typed = await ticketOrder(sale, guest(user.email));
    const other = await makeUser();
    const someoneElses = await ticketOrder(sale, guest(verified), { userId: other.id });

    expect((await findAccountOrders(user.id)).map((o) => o.code)).toEqual([own.order.code]);

    await requestContactCode(user.id, { channel: "EMAIL", address: verified });
    await verifyContactCode(user.id, { channel: "EMAIL", address: verified, code: await codeSentTo(verified) });

    const orders = await findAccountOrders(user.id);
    const codes = orders.map((o) => o.code);
    expect(codes).toHaveLength(2);
    expect(codes).toEqual(expect.arrayContaining([own.order.code, found.order.code]));
    expect(codes).not.toContain(typed.order.code);
    expect(codes).not.toContain(someoneElses.order.code);
    expect(orders.find((o) => o.code === own.order.code)).toMatchObject({
      guest: false,
      status: "paid",
      href: `/orders/${own.order.id}`,
    });
    // A guest order's page asks for its token: the account's link carries it.
    const guestOrder = orders.find((o) => o.code === found.order.code);
    expect(guestOrder).toMatchObject({ guest: true, status: "paid" });
    const token = new URL(guestOrder?.href ?? "", "http://x").searchParams.get("token") ?? "";
    const stored = await db.order.findUniqueOrThrow({ where: { id: found.order.id } });
    expect(tokenMatches(token, stored.accessTokenHash)).toBe(true);

    const tickets = await findAccountTickets(user.id);
    expect(tickets.upcoming.map((t) => t.orderCode).sort()).toEqual(
      [own.order.code, found.order.code, found.order.code].sort(),
    );
    expect(tickets.past).toEqual([]);
  });

  it("lists coming tickets soonest first, then past ones; cancelled tickets and unpaid orders stay off the list", async () => {
    const later = await createSaleFixture(db, { capacity: 10, startsInHours: 200 });
    const sooner = await createSaleFixture(db, { capacity: 10, startsInHours: 50 });
    const past = await createSaleFixture(db, { capacity: 10, startsInHours: 72 });
    const user = await makeUser();
    const a = await ticketOrder(later, guest(user.email), { userId: user.id });
    const b = await ticketOrder(sooner, guest(user.email), { userId: user.id });
    const c = await ticketOrder(past, guest(user.email), { userId: user.id });
    await ticketOrder(sooner, guest(user.email), { userId: user.id, paid: false });
    const cancelled = await ticketOrder(sooner, guest(user.email), { userId: user.id });
    await db.ticket.updateMany({ where: { orderId: cancelled.order.id }, data: { status: "REFUNDED" } });
    // The third festival's session is over.
    const ended = new Date(Date.now() - 3_600_000);
    await db.festivalSession.update({
      where: { id: past.session.id },
      data: { startsAt: new Date(ended.getTime() - 7_200_000), endsAt: ended },
    });

    const tickets = await findAccountTickets(user.id);
    expect(tickets.upcoming.map((t) => t.orderCode)).toEqual([b.order.code, a.order.code]);
    expect(tickets.past.map((t) => t.orderCode)).toEqual([c.order.code]);
    expect(tickets.upcoming[0]).toMatchObject({ festival: { zh: "测试节", en: "Test festival" }, checkedInAt: null });
  });
});

describe("verification codes", () => {
  it("sends six digits by mail in the account's language, keeps only a digest, and answers the same with or without orders", async () => {
    const user = await makeUser({ locale: "en" });
    const address = `no-orders-${unique()}@example.com`;
    expect(await requestContactCode(user.id, { channel: "EMAIL", address })).toEqual({ alreadyVerified: false });
    const mail = await db.email.findFirstOrThrow({ where: { to: address } });
    expect(mail.subject).toBe(en("email.contactCode.subject"));
    const code = await codeSentTo(address);
    const row = await db.contactVerification.findFirstOrThrow({ where: { userId: user.id, address } });
    expect(row.codeHash).not.toContain(code);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(CODE_VALID_MS - 5_000);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeLessThanOrEqual(CODE_VALID_MS + 5_000);
  });

  it("sends a code to a mobile number as a text kept in the outbox, and verifies the number", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
    const user = await makeUser();
    const mobile = phone();
    const order = await ticketOrder(sale, guest(`phone-${unique()}@example.com`, mobile));
    await requestContactCode(user.id, { channel: "PHONE", address: mobile });
    const text = await db.textMessage.findFirstOrThrow({ where: { to: mobile, kind: "code" } });
    expect(text.text).toContain("所前游");
    expect(text.sentAt).toBeNull();
    await verifyContactCode(user.id, { channel: "PHONE", address: mobile, code: await codeSentTo(mobile) });
    expect((await findAccountOrders(user.id)).map((o) => o.code)).toEqual([order.order.code]);
  });

  it("expires after 15 minutes", async () => {
    const user = await makeUser();
    const address = `expiry-${unique()}@example.com`;
    const t0 = new Date();
    await requestContactCode(user.id, { channel: "EMAIL", address }, t0);
    const code = await codeSentTo(address);
    const late = new Date(t0.getTime() + CODE_VALID_MS + 1000);
    const error = await refusal(verifyContactCode(user.id, { channel: "EMAIL", address, code }, late));
    expect(error.fields).toEqual({ code: "account.contacts.errors.expired" });
    expect(await db.contactVerification.count({ where: { userId: user.id, verifiedAt: { not: null } } })).toBe(0);
  });

  it("says how many guesses are left, refuses even the right code after five wrong ones, and a new code works", async () => {
    const user = await makeUser();
    const address = `attempts-${unique()}@example.com`;
    await requestContactCode(user.id, { channel: "EMAIL", address });
    const code = await codeSentTo(address);
    const wrong = code === "000000" ? "111111" : "000000";
    for (const left of [4, 3, 2, 1]) {
      const error = await refusal(verifyContactCode(user.id, { channel: "EMAIL", address, code: wrong }));
      expect(error.fields).toEqual({ code: "account.contacts.errors.wrong" });
      expect(error.values).toEqual({ code: { left } });
    }
    const fifth = await refusal(verifyContactCode(user.id, { channel: "EMAIL", address, code: wrong }));
    expect(fifth.fields).toEqual({ code: "account.contacts.errors.tooManyAttempts" });
    const right = await refusal(verifyContactCode(user.id, { channel: "EMAIL", address, code }));
    expect(right.fields).toEqual({ code: "account.contacts.errors.tooManyAttempts" });

    await requestContactCode(user.id, { channel: "EMAIL", address });
    await verifyContactCode(user.id, { channel: "EMAIL", address, code: await codeSentTo(address) });
    expect(await requestContactCode(user.id, { channel: "EMAIL", address })).toEqual({ alreadyVerified: true });
  });

  it("does not let one account verify with the code sent for another account", async () => {
    const first = await makeUser();
    const second = await makeUser();
    const address = `shared-${unique()}@example.com`;
    await requestContactCode(first.id, { channel: "EMAIL", address });
    const firstCode = await codeSentTo(address);
    await db.email.updateMany({ where: { to: address }, data: { to: `read-${address}` } });
    await requestContactCode(second.id, { channel: "EMAIL", address });
    const secondCode = await codeSentTo(address);
    if (firstCode !== secondCode) {
      const error = await refusal(verifyContactCode(second.id, { channel: "EMAIL", address, code: firstCode }));
      expect(error.fields).toEqual({ code: "account.contacts.errors.wrong" });
    }
    await verifyContactCode(second.id, { channel: "EMAIL", address, code: secondCode });
    // The first account's code is still waiting for the first account only.
    await verifyContactCode(first.id, { channel: "EMAIL", address, code: firstCode });
  });
});

describe("claiming the orders this browser placed", () => {
  it("links only guest orders whose token matches, never another account's order", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
    const user = await makeUser();
    const other = await makeUser();
    const mine = await ticketOrder(sale, guest(`claim-${unique()}@example.com`));
    const wrongToken = await ticketOrder(sale, guest(`claim-${unique()}@example.com`));
    const othersOrder = await ticketOrder(sale, guest(other.email), { userId: other.id });

    const result = await claimOrders(user.id, [
      { id: mine.order.id, token: mine.accessToken },
      { id: wrongToken.order.id, token: mine.accessToken },
      { id: othersOrder.order.id, token: othersOrder.accessToken },
      { id: "no-such-order", token: mine.accessToken },
    ]);
    expect(result).toEqual({ linked: 1 });
    const owners = await db.order.findMany({
      where: { id: { in: [mine.order.id, wrongToken.order.id, othersOrder.order.id] } },
      select: { id: true, userId: true },
    });
    expect(Object.fromEntries(owners.map((o) => [o.id, o.userId]))).toEqual({
      [mine.order.id]: user.id,
      [wrongToken.order.id]: null,
      [othersOrder.order.id]: other.id,
    });
    expect((await findAccountOrders(user.id)).map((o) => o.code)).toEqual([mine.order.code]);
  });
});

describe("the profile", () => {
  it("checks name, mobile number and language like sign-up, and saves a normalised number", async () => {
    const user = await makeUser();
    signedIn.mockResolvedValue(user);
    const save = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [k, v] of Object.entries(fields)) data.set(k, v);
      return updateProfileAction(idle, data);
    };
    const bad = await save({ name: " ", phone: "12345", locale: "fr" });
    expect(bad).toMatchObject({
      status: "error",
      fields: {
        name: zh("validation.name.required"),
        phone: zh("validation.phone.invalid"),
        locale: zh("validation.locale"),
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "账户游客" });

    expect(await save({ name: " 新名字 ", phone: "+86 139-1234-5678", locale: "en" })).toMatchObject({
      status: "success",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: "新名字",
      phone: "13912345678",
      locale: "en",
    });
    expect(await save({ name: "新名字", phone: "", locale: "zh-CN" })).toMatchObject({ status: "success" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).phone).toBeNull();
  });
});

describe("downloading my data", () => {
  it("is a JSON attachment with the profile, consent, orders with tickets and payments, and no password hash", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
    const user = await makeUser();
    const order = await ticketOrder(sale, guest(user.email), { userId: user.id, quantity: 2 });
    await db.tripPlan.create({ data: { userId: user.id, title: "杨梅周末", days: ["2026-06-20"] } });
    await waitFor(sale, { userId: user.id, customerEmail: user.email, quantity: 2 });
    signedIn.mockResolvedValue(user);

    const answer = await exportData(new Request("http://127.0.0.1/api/account/export"), {
      params: Promise.resolve({}),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-disposition")).toMatch(/^attachment; filename="suoqian-account-[\d-]+\.json"$/);
    expect(answer.headers.get("cache-control")).toBe("private, no-store");
    const text = await answer.text();
    expect(text).not.toMatch(/passwordHash|\$argon2/);
    const data = JSON.parse(text);
    expect(data.profile).toMatchObject({ id: user.id, email: user.email, name: "账户游客", phone: "13800138000" });
    const [exported] = data.orders;
    expect(exported).toMatchObject({
      code: order.order.code,
      status: "PAID",
      totalCents: 2 * 8800,
      customerEmail: user.email,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      placedAs: "account",
    });
    expect(exported.tickets).toHaveLength(2);
    expect(exported.payments).toEqual([expect.objectContaining({ amountCents: 2 * 8800, status: "SUCCEEDED" })]);
    expect(data.consents.orders).toEqual([expect.objectContaining({ order: order.order.code })]);
    expect(data.tripPlans).toEqual([expect.objectContaining({ title: "杨梅周末", days: ["2026-06-20"] })]);
    expect(data.waitlist).toEqual([
      expect.objectContaining({ quantity: 2, status: "WAITING", customerEmail: user.email }),
    ]);
    expect(text).not.toMatch(/leaveTokenHash/);

    signedIn.mockResolvedValue(null);
    const stranger = await exportData(new Request("http://127.0.0.1/api/account/export"), {
      params: Promise.resolve({}),
    });
    expect(stranger.status).toBe(401);
  });
});

/** A waiting-list entry on the fixture's session, written as the list would. */
function waitFor(
  sale: Awaited<ReturnType<typeof createSaleFixture>>,
  entry: { userId?: string; customerEmail: string; quantity?: number },
) {
  return db.waitlistEntry.create({
    data: {
      sessionId: sale.session.id,
      ticketTypeId: sale.single.id,
      quantity: entry.quantity ?? 1,
      userId: entry.userId ?? null,
      customerName: "候补游客",
      customerPhone: "13800138000",
      customerEmail: entry.customerEmail,
      leaveTokenHash: `hash-${unique()}`,
      verifiedAt: new Date(),
    },
  });
}

describe("deleting my account", () => {
  it("cancels coming tickets before the cut-off, erases the personal fields, keeps paid amounts, and ends sign-in", async () => {
    const refundable = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
    // Starts in 10 hours: past the festival's 24-hour cut-off.
    const tooLate = await createSaleFixture(db, { capacity: 10, startsInHours: 10 });
    const shop = await createShopFixture(db, [{ delivery: true, deliveryFeeCents: 1200, pickupAtWorkshop: false }]);
    const user = await makeUser();
    const verified = `erase-${unique()}@example.com`;
    const paid = await ticketOrder(refundable, guest(user.email), { userId: user.id, quantity: 2 });
    const kept = await ticketOrder(tooLate, guest(user.email), { userId: user.id });
    const pending = await ticketOrder(refundable, guest(user.email), { userId: user.id, paid: false });
    const guestOrder = await ticketOrder(refundable, guest(verified));
    const parcel = await createOrder(
      {
        items: [
          {
            kind: "product",
            productId: shop.products[0]?.id ?? "",
            quantity: 1,
            fulfilment: {
              method: "delivery",
              address: {
                name: "收件人",
                phone: "13900001234",
                province: "浙江省",
                city: "杭州市",
                district: "萧山区",
                street: "所前镇杜家村 1 号",
              },
            },
          },
        ],
        customer: guest(user.email),
      },
      { userId: user.id, locale: "zh-CN" },
    );
    await payDemo(await db.order.findUniqueOrThrow({ where: { id: parcel.order.id } }));
    await requestContactCode(user.id, { channel: "EMAIL", address: verified });
    await verifyContactCode(user.id, { channel: "EMAIL", address: verified, code: await codeSentTo(verified) });
    await db.tripPlan.create({ data: { userId: user.id, title: "樱桃周末", days: ["2026-04-25"] } });
    const ownEntry = await waitFor(refundable, { userId: user.id, customerEmail: user.email });
    const guestEntry = await waitFor(refundable, { customerEmail: verified });
    const othersEntry = await waitFor(tooLate, { customerEmail: `someone-${unique()}@example.com` });
    await db.passwordReset.create({
      data: { userId: user.id, tokenHash: `hash-${unique()}`, expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const seatsBefore = (await db.festivalSession.findUniqueOrThrow({ where: { id: refundable.session.id } })).reserved;

    // The wrong password changes nothing.
    const wrong = await refusal(deleteAccount(user.id, "not-my-password"));
    expect(wrong.fields).toEqual({ password: "validation.password.wrongCurrent" });
    // A parcel not sent yet needs its address: nothing happens until it has shipped.
    const underWay = await refusal(deleteAccount(user.id, PASSWORD));
    expect(underWay.key).toBe("account.delete.errors.parcelsUnderWay");
    expect(await db.ticket.count({ where: { orderId: paid.order.id, status: "VALID" } })).toBe(2);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).deletedAt).toBeNull();
    await db.orderItem.updateMany({ where: { orderId: parcel.order.id }, data: { fulfilmentStatus: "SHIPPED" } });

    const result = await deleteAccount(user.id, PASSWORD);
    // Two own tickets and the verified guest order's one, all before the cut-off.
    expect(result).toEqual({ cancelledTickets: 3, refundedCents: 3 * 8800, keptValid: 1 });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(after).toMatchObject({ email: deletedEmail(user.id), name: "", phone: null });
    expect(after.email).toMatch(/@deleted\.invalid$/);
    expect(after.deletedAt).toBeInstanceOf(Date);
    expect(after.disabledAt).toBeInstanceOf(Date);
    expect(after.sessionVersion).toBe(sessionVersion + 1);
    expect(await sessionUser(user.id, sessionVersion)).toBeNull();

    const orders = await db.order.findMany({
      where: { id: { in: [paid.order.id, kept.order.id, pending.order.id, guestOrder.order.id, parcel.order.id] } },
      include: { payments: true, items: true, tickets: true },
    });
    for (const order of orders) {
      expect(order).toMatchObject({ customerName: "", customerPhone: "", customerEmail: "" });
      for (const item of order.items) expect(item.deliveryAddress).toBeNull();
    }
    const byId = new Map(orders.map((o) => [o.id, o]));
    // The paid order stays, with its amounts; its tickets are refunded and the seats are back on sale.
    const paidAfter = byId.get(paid.order.id);
    expect(paidAfter).toMatchObject({ status: "REFUNDED", totalCents: 2 * 8800, userId: user.id });
    expect(paidAfter?.payments).toEqual([
      expect.objectContaining({ amountCents: 2 * 8800, refundedCents: 2 * 8800, status: "REFUNDED" }),
    ]);
    expect(paidAfter?.tickets.map((t) => t.status)).toEqual(["REFUNDED", "REFUNDED"]);
    expect(byId.get(guestOrder.order.id)?.tickets.map((t) => t.status)).toEqual(["REFUNDED"]);
    // Past the cut-off: neither cancelled nor refunded, still valid at the gate.
    expect(byId.get(kept.order.id)).toMatchObject({ status: "PAID", totalCents: 8800 });
    expect(byId.get(kept.order.id)?.tickets.map((t) => t.status)).toEqual(["VALID"]);
    expect(byId.get(pending.order.id)?.status).toBe("CANCELLED");
    expect(byId.get(parcel.order.id)).toMatchObject({ status: "PAID", totalCents: parcel.order.totalCents });
    const seatsAfter = (await db.festivalSession.findUniqueOrThrow({ where: { id: refundable.session.id } })).reserved;
    expect(seatsAfter).toBe(seatsBefore - 4);

    expect(await db.tripPlan.count({ where: { userId: user.id } })).toBe(0);
    // Its waiting-list entries (signed in, or with the verified address) left the list and keep no contact.
    for (const id of [ownEntry.id, guestEntry.id]) {
      expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: "LEFT",
        userId: null,
        customerName: "",
        customerPhone: "",
        customerEmail: "",
      });
    }
    expect(await db.waitlistEntry.findUniqueOrThrow({ where: { id: othersEntry.id } })).toMatchObject({
      status: "WAITING",
      customerName: "候补游客",
    });
    expect(await db.contactVerification.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(0);
    // The mails: to the account, to the verified address, and each order's confirmation.
    expect(await db.email.count({ where: { to: { in: [user.email, verified] } } })).toBe(0);
    const mails = await db.email.findMany({ where: { orderId: { in: [paid.order.id, guestOrder.order.id] } } });
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail).toMatchObject({ to: deletedEmail(user.id), text: "", html: null });

    // Sign-in stops working, with the old address and with the placeholder.
    expect(await authenticate({ email: user.email, password: PASSWORD })).toBeNull();
    await expect(authenticate({ email: deletedEmail(user.id), password: PASSWORD })).resolves.toBeNull();
    // The address is free again.
    const again = await signUpByMail(
      { name: "新账户", email: user.email, phone: null, password: PASSWORD, privacyConsent: PRIVACY_NOTICE_VERSION },
      "zh-CN",
    );
    expect(again.id).not.toBe(user.id);
    // And the deleted account's orders are not the new account's.
    expect(await findAccountOrders(again.id)).toEqual([]);
  });

  it("is refused to farmer, organiser and admin accounts, and an administrator cannot enable a deleted account", async () => {
    const organiser = await makeUser({ role: "ORGANISER" });
    const error = await refusal(deleteAccount(organiser.id, PASSWORD));
    expect(error.key).toBe("account.delete.errors.staffRole");
    expect((await db.user.findUniqueOrThrow({ where: { id: organiser.id } })).deletedAt).toBeNull();

    const visitor = await makeUser();
    await deleteAccount(visitor.id, PASSWORD);
    const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" } });
    const refused = await refusal(setDisabled({ id: admin.id, email: admin.email, role: "ADMIN" }, visitor.id, false));
    expect(refused.key).toBe("adminUsers.errors.deleted");
    expect((await db.user.findUniqueOrThrow({ where: { id: visitor.id } })).disabledAt).toBeInstanceOf(Date);
  });
});

describe("consent to the privacy notice", () => {
  const signUp = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return signUpAction(idle, data);
  };

  it("is required at sign-up, and the account records the version and when", async () => {
    const email = `consent-${unique()}@example.com`;
    const fields = { name: "同意游客", email, password: PASSWORD };
    expect(await signUp(fields)).toMatchObject({
      status: "error",
      fields: { privacyConsent: zh("validation.privacy.consentRequired") },
    });
    request.locale = "en";
    expect(await signUp({ ...fields, privacyConsent: "2020-01-01" })).toMatchObject({
      status: "error",
      fields: { privacyConsent: en("validation.privacy.consentOutdated") },
    });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const before = Date.now();
    expect(await signUp({ ...fields, privacyConsent: PRIVACY_NOTICE_VERSION })).toMatchObject({ status: "success" });
    // The account is made when the link mailed to the address is opened.
    await vi.waitFor(async () => expect(await db.pendingSignUp.count({ where: { email } })).toBe(1));
    await confirmSignUp(await mailedSignUpToken(email));
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.privacyConsentVersion).toBe(PRIVACY_NOTICE_VERSION);
    expect(user.privacyConsentAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("is required at checkout (400, a field error in the buyer's language), and the order records the version", async () => {
    const sale = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
    const body = {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 1 }],
      customer: guest(`checkout-${unique()}@example.com`),
    };
    const post = (payload: unknown, locale: "zh-CN" | "en" = "zh-CN") =>
      createOrderResponse(
        new Request("http://127.0.0.1/api/orders", { method: "POST", body: JSON.stringify(payload) }),
        {
          locale,
          userId: null,
          provenPhones: new Set(),
          address: "203.0.113.78",
        },
      );
    const orders = await db.order.count();

    const missing = await post(body);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: "invalid_request",
      fields: { privacyConsent: zh("validation.privacy.consentRequired") },
    });
    const english = await post({ ...body, privacyConsent: false }, "en");
    expect(await english.json()).toMatchObject({
      fields: { privacyConsent: en("validation.privacy.consentRequired") },
    });
    const outdated = await post({ ...body, privacyConsent: "2020-01-01" });
    expect(await outdated.json()).toMatchObject({
      fields: { privacyConsent: zh("validation.privacy.consentOutdated") },
    });
    expect(await db.order.count()).toBe(orders);

    const placed = await post({ ...body, privacyConsent: PRIVACY_NOTICE_VERSION });
    expect(placed.status).toBe(201);
    const { order } = await placed.json();
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).privacyConsentVersion).toBe(
      PRIVACY_NOTICE_VERSION,
    );
  });
});
