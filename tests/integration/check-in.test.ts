import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST } from "../../app/api/check-in/route";
import { GET as STATS } from "../../app/api/check-in/stats/route";
import { randomCode } from "../../lib/codes";
import { env } from "../../lib/env";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { answerBody } from "../../modules/check-in/api";
import { checkIn } from "../../modules/check-in/check-in";
import { NotOrganiserError, UnknownSessionError } from "../../modules/check-in/gate";
import { gateCounts } from "../../modules/check-in/gate-counts";
import { createOrder } from "../../modules/orders/create-order";
import { markOrderPaid } from "../../modules/orders/mark-order-paid";
import { legacyQrPayload, qrPayload } from "../../modules/tickets/signature";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// The route handlers ask next-auth who is signed in; here the test says who is.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
const signedIn = vi.mocked(getCurrentUser);

afterAll(() => db.$disconnect());

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const HOUR = 3600_000;

async function organiser(festivalIds: string[] = []) {
  const user = await db.user.create({
    data: { email: `gate-${unique()}@example.com`, name: "检票员", passwordHash: "x", role: "ORGANISER" },
  });
  for (const festivalId of festivalIds) await db.festivalOrganiser.create({ data: { festivalId, userId: user.id } });
  return user;
}

async function pendingOrder(ticketTypeId: string, sessionId: string, quantity = 1) {
  const { order } = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId, sessionId, quantity }], customer },
    { userId: null, locale: "zh-CN" },
  );
  return order;
}

/** Buys and pays through the same transition as the payment providers; returns the e-tickets. */
async function paidTickets(ticketTypeId: string, sessionId: string, quantity = 1) {
  const order = await pendingOrder(ticketTypeId, sessionId, quantity);
  const paid = await markOrderPaid({
    orderId: order.id,
    provider: "DEMO",
    providerRef: `demo_${order.id}`,
    amountCents: order.totalCents,
    currency: "CNY",
    eventId: `evt_${order.id}`,
  });
  expect(paid).toMatchObject({ result: "paid" });
  return db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
}

/** A festival of the test's own with two sessions a day apart, run by a fresh organiser. */
async function gate() {
  const fixture = await createSaleFixture(db, { capacity: 50 });
  const { festival, single, session } = fixture;
  const later = await db.festivalSession.create({
    data: {
      festivalId: festival.id,
      startsAt: new Date(session.startsAt.getTime() + 24 * HOUR),
      endsAt: new Date(session.endsAt.getTime() + 24 * HOUR),
      capacity: 50,
      labelZh: "次日场",
      labelEn: "Next day",
    },
  });
  const user = await organiser([festival.id]);
  const at = (sessionId: string | null = session.id) => ({ festivalId: festival.id, sessionId, userId: user.id });
  const [ticket] = await paidTickets(single.id, session.id);
  if (!ticket) throw new Error("no ticket issued");
  return { ...fixture, later, user, at, ticket, now: session.startsAt };
}

const scanned = (code: string) => qrPayload(code, env.ticketSecret);
const checkedInAt = async (id: string) => (await db.ticket.findUniqueOrThrow({ where: { id } })).checkedInAt;

describe("checking a ticket in at the gate", () => {
  it("admits a paid ticket scanned from its QR code, with what the gate screen shows", async () => {
    const { at, ticket, now, single, session, user } = await gate();
    const answer = await checkIn({ ...at(), scanned: scanned(ticket.code), now });
    expect(answer.result).toBe("OK");
    const order = await db.order.findUniqueOrThrow({ where: { id: ticket.orderId } });
    expect(answer.ticket).toEqual({
      code: ticket.code,
      ticketType: { zh: single.nameZh, en: single.nameEn },
      festival: { zh: "测试节", en: "Test festival" },
      otherFestival: false,
      session: { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt, label: null },
      name: customer.name,
      orderCode: order.code,
      checkedInAt: now,
    });
    expect(await checkedInAt(ticket.id)).toEqual(now);
    expect(await db.checkIn.findMany({ where: { userId: user.id }, select: { result: true, ticketId: true } })).toEqual(
      [{ result: "OK", ticketId: ticket.id }],
    );
  });

  it("rejects a second check-in of the same ticket, saying when it was first checked in", async () => {
    const { at, ticket, now } = await gate();
    expect((await checkIn({ ...at(), scanned: scanned(ticket.code), now })).result).toBe("OK");
    const again = await checkIn({ ...at(), scanned: ticket.code, now: new Date(now.getTime() + 5 * 60_000) });
    expect(again.result).toBe("ALREADY_USED");
    expect(again.ticket?.checkedInAt).toEqual(now);
    expect(await checkedInAt(ticket.id)).toEqual(now);
  });

  it("reads a code typed by hand with dashes, lower case and O for 0", async () => {
    const { at, single, session, now } = await gate();
    const [ticket] = await paidTickets(single.id, session.id);
    if (!ticket) throw new Error("no ticket");
    // A code with a 0 and a 1 in it, so the look-alikes are put to the test.
    const code = `01${randomCode(8)}`;
    await db.ticket.update({ where: { id: ticket.id }, data: { code } });
    const typed = ` ${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)} `
      .toLowerCase()
      .replace("0", "o")
      .replace("1", "l");
    const answer = await checkIn({ ...at(), scanned: typed, now });
    expect(answer.result).toBe("OK");
    expect(answer.ticket?.code).toBe(code);
    expect(await db.checkIn.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({
      result: "OK",
      code: typed.trim(),
    });
  });

  it("rejects a forged or altered QR code and admits nothing", async () => {
    const { at, ticket, now, single, session } = await gate();
    const [other] = await paidTickets(single.id, session.id);
    if (!other) throw new Error("no ticket");
    const [, , signature] = scanned(ticket.code).split(".");
    const alteredCode = `SQT1.${other.code}.${signature}`;
    const alteredSignature = `SQT1.${ticket.code}.${signature?.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`;
    const otherSecret = qrPayload(ticket.code, "another-secret-of-at-least-32-characters!");
    for (const payload of [alteredCode, alteredSignature, otherSecret, `SQT1.${ticket.code}`]) {
      const answer = await checkIn({ ...at(), scanned: payload, now });
      expect(answer, payload).toEqual({ result: "FORGED", ticket: null });
    }
    expect(await checkedInAt(ticket.id)).toBeNull();
    expect(await checkedInAt(other.id)).toBeNull();
    expect(await db.checkIn.count({ where: { code: alteredCode, result: "FORGED" } })).toBe(1);
  });

  it("answers an unknown code as unknown", async () => {
    const { at, now } = await gate();
    expect(await checkIn({ ...at(), scanned: randomCode(10), now })).toEqual({ result: "UNKNOWN", ticket: null });
    expect(await checkIn({ ...at(), scanned: "   ", now })).toEqual({ result: "UNKNOWN", ticket: null });
  });

  it("never admits a ticket of a festival the organiser does not run, and tells nothing about it", async () => {
    const mine = await gate();
    const theirs = await gate();
    const answer = await checkIn({ ...mine.at(), scanned: scanned(theirs.ticket.code), now: theirs.now });
    expect(answer).toEqual({ result: "UNKNOWN", ticket: null });
    expect(await checkedInAt(theirs.ticket.id)).toBeNull();
  });

  it("sends a ticket of the same organiser's other festival away as the wrong session, with its festival", async () => {
    const mine = await gate();
    const other = await createSaleFixture(db, { capacity: 5 });
    await db.festivalOrganiser.create({ data: { festivalId: other.festival.id, userId: mine.user.id } });
    const [ticket] = await paidTickets(other.single.id, other.session.id);
    if (!ticket) throw new Error("no ticket");
    const answer = await checkIn({ ...mine.at(), scanned: ticket.code, now: mine.now });
    expect(answer.result).toBe("WRONG_SESSION");
    expect(answer.ticket).toMatchObject({
      otherFestival: true,
      festival: { zh: "测试节", en: "Test festival" },
      session: { id: other.session.id },
    });
    expect(await checkedInAt(ticket.id)).toBeNull();
    // The gate's answer names that festival, not "not for this session".
    expect(answerBody(answer, "zh-CN").message).toBe("这是其他节庆的票：测试节");
    expect(answerBody(answer, "en").message).toBe("This ticket is for another festival: Test festival");
  });

  it("still admits a ticket issued before the switch to Ed25519 (SQT1 QR), and refuses an altered one", async () => {
    const { at, ticket, now } = await gate();
    const legacy = legacyQrPayload(ticket.code, env.ticketSecret);
    expect(
      (await checkIn({ ...at(), scanned: `${legacy.slice(0, -1)}${legacy.endsWith("A") ? "B" : "A"}`, now })).result,
    ).toBe("FORGED");
    expect((await checkIn({ ...at(), scanned: legacy, now })).result).toBe("OK");
    expect(scanned(ticket.code)).toMatch(/^SQT2\./);
  });

  it("refuses a ticket for another session, saying which", async () => {
    const { at, single, later, session, now } = await gate();
    const [ticket] = await paidTickets(single.id, later.id);
    if (!ticket) throw new Error("no ticket");
    const answer = await checkIn({ ...at(session.id), scanned: scanned(ticket.code), now });
    expect(answer.result).toBe("WRONG_SESSION");
    expect(answer.ticket?.session).toEqual({
      id: later.id,
      startsAt: later.startsAt,
      endsAt: later.endsAt,
      label: { zh: "次日场", en: "Next day" },
    });
    expect(await checkedInAt(ticket.id)).toBeNull();
    // The same ticket at its own session's gate is fine.
    expect((await checkIn({ ...at(later.id), scanned: ticket.code, now: later.startsAt })).result).toBe("OK");
  });

  it("at an all-of-today gate, admits today's sessions and refuses another day's", async () => {
    const { at, single, later, ticket, now } = await gate();
    const [tomorrow] = await paidTickets(single.id, later.id);
    if (!tomorrow) throw new Error("no ticket");
    expect((await checkIn({ ...at(null), scanned: tomorrow.code, now })).result).toBe("WRONG_SESSION");
    expect((await checkIn({ ...at(null), scanned: ticket.code, now })).result).toBe("OK");
    expect(await checkedInAt(tomorrow.id)).toBeNull();
  });

  it("refuses cancelled and refunded tickets, and tickets of an order that is not paid", async () => {
    const { at, single, session, now } = await gate();
    const [cancelled, refunded, ofRefundedOrder] = await Promise.all([
      paidTickets(single.id, session.id).then((t) => t[0]),
      paidTickets(single.id, session.id).then((t) => t[0]),
      paidTickets(single.id, session.id).then((t) => t[0]),
    ]);
    if (!cancelled || !refunded || !ofRefundedOrder) throw new Error("no ticket");
    await db.ticket.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    await db.ticket.update({ where: { id: refunded.id }, data: { status: "REFUNDED" } });
    await db.order.update({ where: { id: ofRefundedOrder.orderId }, data: { status: "REFUNDED" } });
    for (const t of [cancelled, refunded, ofRefundedOrder]) {
      const answer = await checkIn({ ...at(), scanned: scanned(t.code), now });
      expect(answer.result).toBe("CANCELLED");
      expect(answer.ticket?.code).toBe(t.code);
      expect(await checkedInAt(t.id)).toBeNull();
    }
  });

  it("does not admit on an unpaid order: neither its order code nor a ticket attached to it", async () => {
    const { at, single, session, now } = await gate();
    const pending = await pendingOrder(single.id, session.id);
    expect((await checkIn({ ...at(), scanned: pending.code, now })).result).toBe("UNKNOWN");
    const item = await db.orderItem.findFirstOrThrow({ where: { orderId: pending.id } });
    const stray = await db.ticket.create({
      data: {
        code: randomCode(10),
        orderId: pending.id,
        orderItemId: item.id,
        ticketTypeId: single.id,
        sessionId: session.id,
        priceCents: single.priceCents,
      },
    });
    expect((await checkIn({ ...at(), scanned: scanned(stray.code), now })).result).toBe("CANCELLED");
    expect(await checkedInAt(stray.id)).toBeNull();
  });

  it("admits a ticket exactly once when ten gates scan it at the same moment", async () => {
    const { at, ticket, now } = await gate();
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        checkIn({ ...at(), scanned: scanned(ticket.code), now: new Date(now.getTime() + i) }),
      ),
    );
    const ok = answers.filter((a) => a.result === "OK");
    expect(ok).toHaveLength(1);
    expect(answers.filter((a) => a.result === "ALREADY_USED")).toHaveLength(9);
    const first = await checkedInAt(ticket.id);
    expect(ok[0]?.ticket?.checkedInAt).toEqual(first);
    for (const a of answers) expect(a.ticket?.checkedInAt).toEqual(first);
    expect(await db.checkIn.groupBy({ by: ["result"], where: { ticketId: ticket.id }, _count: true })).toEqual(
      expect.arrayContaining([
        { result: "OK", _count: 1 },
        { result: "ALREADY_USED", _count: 9 },
      ]),
    );
  });

  it("logs every scan with its result, the code as given and who scanned", async () => {
    const { at, ticket, now, user } = await gate();
    const inputs = [scanned(ticket.code), ticket.code, "SQT1.NOPE.forged", "ZZZZZZZZZZ"];
    for (const [i, input] of inputs.entries()) {
      await checkIn({ ...at(), scanned: input, now: new Date(now.getTime() + i * 1000) });
    }
    const log = await db.checkIn.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.result, l.code, l.ticketId])).toEqual([
      ["OK", inputs[0], ticket.id],
      ["ALREADY_USED", ticket.code, ticket.id],
      ["FORGED", "SQT1.NOPE.forged", null],
      ["UNKNOWN", "ZZZZZZZZZZ", null],
    ]);
  });

  it("refuses an organiser who does not run the festival, and writes nothing", async () => {
    const { festival, session, ticket, now } = await gate();
    const stranger = await organiser();
    await expect(
      checkIn({ festivalId: festival.id, sessionId: session.id, userId: stranger.id, scanned: ticket.code, now }),
    ).rejects.toBeInstanceOf(NotOrganiserError);
    expect(await db.checkIn.count({ where: { userId: stranger.id } })).toBe(0);
    expect(await checkedInAt(ticket.id)).toBeNull();
  });

  it("refuses a gate whose session is not of its festival", async () => {
    const mine = await gate();
    const other = await gate();
    await expect(
      checkIn({ ...mine.at(other.session.id), scanned: mine.ticket.code, now: mine.now }),
    ).rejects.toBeInstanceOf(UnknownSessionError);
    expect(await checkedInAt(mine.ticket.id)).toBeNull();
  });

  it("counts checked-in and valid tickets for the gate's session and for all of today", async () => {
    const { at, single, session, later, ticket, now } = await gate();
    await paidTickets(single.id, session.id, 2);
    const [cancelled] = await paidTickets(single.id, session.id);
    if (!cancelled) throw new Error("no ticket");
    await db.ticket.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    await paidTickets(single.id, later.id);
    await pendingOrder(single.id, session.id, 3);
    await checkIn({ ...at(), scanned: ticket.code, now });
    expect(await gateCounts(at(), now)).toEqual({ checkedIn: 1, total: 3 });
    expect(await gateCounts(at(null), now)).toEqual({ checkedIn: 1, total: 3 });
    expect(await gateCounts(at(later.id), now)).toEqual({ checkedIn: 0, total: 1 });
  });
});

describe("the check-in API", () => {
  beforeEach(() => signedIn.mockReset());

  const as = (user: CurrentUser | null) => signedIn.mockResolvedValue(user);
  const post = (body: unknown, raw?: string) =>
    POST(
      new Request("http://127.0.0.1/api/check-in?lang=en", { method: "POST", body: raw ?? JSON.stringify(body) }),
      undefined,
    );

  it("asks a stranger to sign in (401) and refuses a visitor (403), writing nothing", async () => {
    const { festival, ticket } = await gate();
    as(null);
    expect((await post({ code: ticket.code, festivalId: festival.id })).status).toBe(401);
    const visitor = await db.user.findUniqueOrThrow({ where: { email: "visitor@suoqian.test" } });
    as(visitor);
    const refused = await post({ code: ticket.code, festivalId: festival.id });
    expect(refused.status).toBe(403);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id } })).toBe(0);
    expect(await checkedInAt(ticket.id)).toBeNull();
  });

  it("refuses an organiser at a festival they do not run (403), in the caller's language", async () => {
    const { festival, ticket } = await gate();
    as(await organiser());
    const response = await post({ code: ticket.code, festivalId: festival.id });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: "forbidden",
      message: "You do not organise this festival, so you cannot check in for it.",
    });
    expect(await checkedInAt(ticket.id)).toBeNull();
  });

  it("answers bad input with 400 and a message per field", async () => {
    const { festival, user, later } = await gate();
    const other = await gate();
    as(user);
    const malformed = await post(null, "{not json");
    expect(malformed.status).toBe(400);
    const missing = await post({ festivalId: festival.id });
    expect(missing.status).toBe(400);
    expect((await missing.json()).fields).toEqual({ code: "Please type a ticket code or scan a QR code." });
    expect((await post({ code: 42, festivalId: [] })).status).toBe(400);
    const foreignSession = await post({ code: "X", festivalId: festival.id, sessionId: other.session.id });
    expect(foreignSession.status).toBe(400);
    expect((await foreignSession.json()).fields).toEqual({ sessionId: "Please choose a session of this festival." });
    expect((await post({ code: "X", festivalId: festival.id, sessionId: later.id })).status).toBe(200);
    expect(await db.checkIn.count({ where: { userId: user.id } })).toBe(1);
  });

  it("checks a ticket in and answers what the gate shows; the counter agrees", async () => {
    const { festival, session, user, ticket } = await gate();
    as(user);
    const response = await post({ code: scanned(ticket.code), festivalId: festival.id, sessionId: session.id });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      result: "ok",
      message: "Valid: admit",
      ticket: { code: ticket.code, ticketType: { en: "Entry" }, name: customer.name, session: { id: session.id } },
    });
    expect(new Date(body.ticket.checkedInAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const again = await (await post({ code: ticket.code, festivalId: festival.id, sessionId: session.id })).json();
    expect(again).toMatchObject({ result: "already_used", ticket: { checkedInAt: body.ticket.checkedInAt } });
    const forged = await (await post({ code: `SQT1.${ticket.code}.AAAAAAAAAAAAAAAA`, festivalId: festival.id })).json();
    expect(forged).toEqual({ result: "forged", message: "Invalid: forged or altered code" });

    const stats = await STATS(
      new Request(`http://127.0.0.1/api/check-in/stats?festivalId=${festival.id}&sessionId=${session.id}`),
      undefined,
    );
    expect(stats.status).toBe(200);
    expect(await stats.json()).toEqual({ checkedIn: 1, total: 1 });
    expect((await STATS(new Request("http://127.0.0.1/api/check-in/stats"), undefined)).status).toBe(400);
    as(await organiser());
    const foreign = await STATS(
      new Request(`http://127.0.0.1/api/check-in/stats?festivalId=${festival.id}`),
      undefined,
    );
    expect(foreign.status).toBe(403);
  });
});
