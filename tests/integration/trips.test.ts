import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));

import { GET as ownCalendar } from "../../app/api/trips/[id]/calendar/route";
import { GET as one, DELETE as remove, PUT as replace } from "../../app/api/trips/[id]/route";
import { POST as share, DELETE as unshare } from "../../app/api/trips/[id]/share/route";
import { POST as preview } from "../../app/api/trips/preview/route";
import { POST as create, GET as list } from "../../app/api/trips/route";
import { GET as sharedCalendar } from "../../app/api/trips/shared/[token]/calendar/route";
import { GET as shared } from "../../app/api/trips/shared/[token]/route";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { wallClock } from "../../modules/trips/evaluate";
import { createSaleFixture, createShopFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// The trips API the planner and the future mini-program use: the signed-in
// visitor's own plans, a read-only share link, and a live preview for guests.

const signedIn = vi.mocked(getCurrentUser);
afterAll(() => db.$disconnect());

let visitor: CurrentUser;
let stranger: CurrentUser;
let routeSlug: string;
let sale: Awaited<ReturnType<typeof createSaleFixture>>;
let productId: string;
let day: string;
let routeMinutes: number;

const as = (user: CurrentUser | null) => signedIn.mockResolvedValue(user);
const json = (body: unknown, method = "POST") => ({
  method,
  headers: { "content-type": "application/json", "accept-language": "en" },
  body: JSON.stringify(body),
});
const req = (path: string, init?: RequestInit) => new Request(`http://127.0.0.1:3000${path}`, init);
const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });
/** The UIDs of a calendar file's events (lines unfolded). */
const uids = (ics: string) => [...ics.replace(/\r\n[ \t]/g, "").matchAll(/^UID:(.*)$/gm)].map((m) => m[1] ?? "");

beforeAll(async () => {
  const user = (email: string) =>
    db.user.create({
      data: { email, name: "游客", passwordHash: "x", role: "VISITOR" },
      select: { id: true, email: true, name: true, role: true },
    });
  visitor = await user(`trip-${Date.now()}@example.com`);
  stranger = await user(`trip-other-${Date.now()}@example.com`);
  const route = await db.route.findFirstOrThrow({
    where: { status: "PUBLISHED" },
    orderBy: { durationMinutes: "asc" },
  });
  routeSlug = route.slug;
  routeMinutes = route.durationMinutes;
  sale = await createSaleFixture(db, { capacity: 10, startsInHours: 96 });
  // The session from 09:00 to 11:00 on its day, in Suoqian.
  day = wallClock(sale.session.startsAt.toISOString()).date;
  const nine = new Date(`${day}T01:00:00.000Z`);
  await db.festivalSession.update({
    where: { id: sale.session.id },
    data: { startsAt: nine, endsAt: new Date(nine.getTime() + 2 * 3_600_000) },
  });
  productId = (await createShopFixture(db, [{ stock: 20 }])).products[0]?.id ?? "";
});

/** The session at 09:00, the route at `start`, and a pickup an hour after the route would end if started at 13:00. */
function plan(start = "08:00") {
  const pickup = 13 * 60 + routeMinutes + 60;
  const clock = `${String(Math.floor(pickup / 60)).padStart(2, "0")}:${String(pickup % 60).padStart(2, "0")}`;
  return {
    title: "周六",
    days: [day],
    items: [
      { kind: "session", sessionId: sale.session.id, day, quantity: 2 },
      { kind: "route", slug: routeSlug, day, start },
      { kind: "pickup", productId, day, start: clock, quantity: 3 },
    ],
  };
}

describe("the trips API", () => {
  it("answers 401 to a stranger, for reading and for writing", async () => {
    as(null);
    expect((await list(req("/api/trips"), params({}))).status).toBe(401);
    expect((await create(req("/api/trips", json(plan())), params({}))).status).toBe(401);
  });

  it("creates a plan (201) with its timeline and warnings, and lists it for its owner only", async () => {
    as(visitor);
    const created = await create(req("/api/trips", json(plan())), params({}));
    expect(created.status).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ id: expect.any(String), title: "周六", days: [day], shareUrl: null });
    expect(body.items.map((i: { kind: string }) => i.kind)).toEqual(["session", "route", "pickup"]);
    expect(body.items[1]).toMatchObject({ slug: routeSlug, start: "08:00", title: { zh: expect.any(String) } });
    expect(body.warnings).toContainEqual({ code: "overlap", items: [1, 0] });
    expect((await (await list(req("/api/trips"), params({}))).json()).trips.map((t: { id: string }) => t.id)).toContain(
      body.id,
    );
    as(stranger);
    expect((await (await list(req("/api/trips"), params({}))).json()).trips).toEqual([]);
    for (const call of [
      one(req(`/api/trips/${body.id}`), params({ id: body.id })),
      replace(req(`/api/trips/${body.id}`, json(plan(), "PUT")), params({ id: body.id })),
      remove(req(`/api/trips/${body.id}`, { method: "DELETE" }), params({ id: body.id })),
      share(req(`/api/trips/${body.id}/share`, { method: "POST" }), params({ id: body.id })),
    ]) {
      expect((await call).status).toBe(404);
    }
    expect(await db.tripPlan.count({ where: { id: body.id } })).toBe(1);
  });

  it("replaces a plan wholly with PUT, and the fixed plan has no overlap", async () => {
    as(visitor);
    const { id } = await (await create(req("/api/trips", json(plan())), params({}))).json();
    const fixed = await replace(req(`/api/trips/${id}`, json(plan("13:00"), "PUT")), params({ id }));
    expect(fixed.status).toBe(200);
    const body = await fixed.json();
    expect(body.items[1].start).toBe("13:00");
    expect(body.warnings.filter((w: { code: string }) => w.code === "overlap")).toEqual([]);
    expect((await remove(req(`/api/trips/${id}`, { method: "DELETE" }), params({ id }))).status).toBe(204);
    expect((await one(req(`/api/trips/${id}`), params({ id }))).status).toBe(404);
  });

  it("refuses a bad plan with field errors in the caller's language, writing nothing", async () => {
    as(visitor);
    const before = await db.tripPlan.count();
    const cases: [unknown, string][] = [
      [{ ...plan(), days: [] }, "days"],
      [{ ...plan(), days: [day, day] }, "days"],
      [{ ...plan(), days: [day, "2027-02-30"] }, "days.1"],
      [{ ...plan(), title: "" }, "title"],
      [{ ...plan(), items: [{ kind: "route", slug: routeSlug, day, start: "25:00" }] }, "items.0.start"],
      [{ ...plan(), items: [{ kind: "route", slug: routeSlug, day: "2031-01-01", start: "09:00" }] }, "items.0.day"],
      [{ ...plan(), items: [{ kind: "hotel", day }] }, "items.0.kind"],
      [{ ...plan(), items: [{ kind: "route", slug: "no-such-route", day, start: "09:00" }] }, "items.0.slug"],
      [{ ...plan(), items: [{ kind: "session", sessionId: "nope", day }] }, "items.0.sessionId"],
      [{ ...plan(), items: [{ kind: "pickup", productId: "nope", day, start: "10:00" }] }, "items.0.productId"],
    ];
    for (const [body, field] of cases) {
      const answer = await create(req("/api/trips", json(body)), params({}));
      expect(answer.status, JSON.stringify(body)).toBe(400);
      const refused = await answer.json();
      expect(Object.keys(refused.fields)).toContain(field);
      expect(refused.message).toBe("Please check the marked fields.");
    }
    expect((await create(req("/api/trips", { method: "POST", body: "{not json" }), params({}))).status).toBe(400);
    expect(await db.tripPlan.count()).toBe(before);
  });

  it("shares a plan read-only by an unguessable link, and taking it back ends the link", async () => {
    as(visitor);
    const { id } = await (await create(req("/api/trips", json(plan("13:00"))), params({}))).json();
    const { shareUrl } = await (await share(req(`/api/trips/${id}/share`, { method: "POST" }), params({ id }))).json();
    const token = String(shareUrl).split("/").at(-1) ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    as(null);
    const read = await shared(req(`/api/trips/shared/${token}`), params({ token }));
    expect(read.status).toBe(200);
    const body = await read.json();
    expect(body).toMatchObject({ title: "周六", days: [day] });
    expect(body).not.toHaveProperty("id");
    const ics = await (await sharedCalendar(req(`/api/trips/shared/${token}/calendar`), params({ token }))).text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    // The events are the plan's: named by its id, the same as in its owner's own file.
    const shown = uids(ics);
    expect(new Set(shown).size).toBe(3);
    for (const uid of shown) expect(uid).toMatch(new RegExp(`^trip-${id}-.+@suoqian$`));
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    as(visitor);
    const own = await (await ownCalendar(req(`/api/trips/${id}/calendar`), params({ id }))).text();
    expect(uids(own)).toEqual(shown);
    as(null);
    as(visitor);
    expect((await unshare(req(`/api/trips/${id}/share`, { method: "DELETE" }), params({ id }))).status).toBe(204);
    expect((await shared(req(`/api/trips/shared/${token}`), params({ token }))).status).toBe(404);
    expect((await shared(req("/api/trips/shared/x"), params({ token: "x" }))).status).toBe(404);
  });

  it("previews a guest's plan without storing it, with suggestions for each day", async () => {
    as(null);
    const before = await db.tripPlan.count();
    const answer = await preview(req("/api/trips/preview", json(plan())), params({}));
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body.warnings).toContainEqual({ code: "overlap", items: [1, 0] });
    expect(body.suggestions[day]).toEqual(expect.any(Array));
    expect(await db.tripPlan.count()).toBe(before);
  });

  it("holds for a guest the sessions of the paid orders this browser remembers, each by its token, and nothing for a wrong one", async () => {
    as(null);
    const mine = await createSaleFixture(db, { capacity: 10, startsInHours: 120 });
    const placed = await createOrder(
      {
        items: [{ kind: "ticket", ticketTypeId: mine.single.id, sessionId: mine.session.id, quantity: 1 }],
        customer,
        privacyConsent: PRIVACY_NOTICE_VERSION,
      },
      { userId: null, locale: "zh-CN" },
    );
    const order = { id: placed.order.id, token: placed.accessToken };
    const sessionDay = wallClock(mine.session.startsAt.toISOString()).date;
    const guestPlan = {
      title: "周末",
      days: [sessionDay],
      items: [{ kind: "session", sessionId: mine.session.id, day: sessionDay, quantity: 1 }],
    };
    const held = async (orders: unknown) => {
      const answer = await preview(req("/api/trips/preview", json({ ...guestPlan, orders })), params({}));
      expect(answer.status).toBe(200);
      return (await answer.json()).items[0].held;
    };
    // Not paid yet: nothing is held, whatever the token.
    expect(await held([order])).toBe(false);
    await payDemo(await db.order.findUniqueOrThrow({ where: { id: order.id } }));
    expect(await held([order])).toBe(true);
    // A wrong token (another's, a changed one, none) adds nothing, and the answer says no more than that.
    const wrong = [
      [{ id: order.id, token: `${order.token.slice(0, -1)}${order.token.endsWith("A") ? "B" : "A"}` }],
      [{ id: order.id, token: "x" }],
      [{ id: "no-such-order", token: order.token }],
      [],
    ];
    for (const orders of wrong) expect(await held(orders), JSON.stringify(orders)).toBe(false);
    const plain = await (await preview(req("/api/trips/preview", json(guestPlan)), params({}))).json();
    const withWrong = await (
      await preview(req("/api/trips/preview", json({ ...guestPlan, orders: wrong[0] })), params({}))
    ).json();
    expect(withWrong).toEqual(plain);
    // A wrong token beside the right one does not undo it.
    expect(await held([...(wrong[0] ?? []), order])).toBe(true);
    // A refunded ticket is no longer held.
    await db.ticket.updateMany({ where: { orderId: order.id }, data: { status: "REFUNDED" } });
    expect(await held([order])).toBe(false);

    // At most 20 orders, each id and token of bounded length: 400 otherwise, in the caller's language.
    for (const orders of [
      Array.from({ length: 21 }, (_, i) => ({ id: `order-${i}`, token: "t" })),
      [{ id: "x".repeat(65), token: "t" }],
      [{ id: order.id, token: "t".repeat(129) }],
      [{ id: order.id }],
      [{ id: "", token: "t" }],
      "not a list",
    ]) {
      const answer = await preview(req("/api/trips/preview", json({ ...guestPlan, orders })), params({}));
      expect(answer.status, JSON.stringify(orders).slice(0, 80)).toBe(400);
      expect(Object.keys((await answer.json()).fields).some((f) => f.startsWith("orders"))).toBe(true);
    }
  });

  it("names a guest plan's calendar events by the plan id the browser keeps, and refuses a bad one", async () => {
    as(null);
    const ics = async (query: string) => {
      const answer = await preview(req(`/api/trips/preview?format=ics&${query}`, json(plan())), params({}));
      expect(answer.headers.get("content-type")).toMatch(/^text\/calendar/);
      return uids(await answer.text());
    };
    const mine = await ics("planId=guest_plan-0001");
    expect(mine).toHaveLength(3);
    expect(mine.every((uid) => uid.includes("guest_plan-0001"))).toBe(true);
    expect(await ics("planId=guest_plan-0001")).toEqual(mine);
    const theirs = await ics("planId=guest_plan-0002");
    expect(theirs.filter((uid) => mine.includes(uid))).toEqual([]);
    // A client that sends no id: the same plan still gets the same ids.
    expect(await ics("lang=en")).toEqual(await ics("lang=zh"));

    for (const bad of ["short", "x".repeat(65), "has space", "semi;colon", "<script>", ""]) {
      const answer = await preview(
        req(`/api/trips/preview?format=ics&planId=${encodeURIComponent(bad)}`, json(plan())),
        params({}),
      );
      expect(answer.status, bad).toBe(400);
      const refused = await answer.json();
      expect(refused.error).toBe("invalid_request");
      expect(refused.message).toMatch(/plan id/);
      expect(Object.keys(refused.fields)).toEqual(["planId"]);
    }
    const chinese = await preview(req("/api/trips/preview?format=ics&lang=zh&planId=bad!", json(plan())), params({}));
    expect((await chinese.json()).message).toMatch(/行程编号/);
  });
});
