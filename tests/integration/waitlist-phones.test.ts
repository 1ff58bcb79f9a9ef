import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { afterAll, describe, expect, it } from "vitest";
import { challengeResponse, sendCodeResponse } from "../../modules/auth/phone-code-api";
import { VERIFIED_PHONES_COOKIE, verifiedPhonesIn } from "../../modules/auth/verified-phones";
import { offerReturnedSeats } from "../../modules/inventory/offer-returned-seats";
import { createOrder } from "../../modules/orders/create-order";
import { payDemo } from "../../modules/payments/pay-demo";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { joinWaitlistResponse } from "../../modules/waitlist/api";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// Only reachable numbers wait. A stranger once joined the list with someone else's
// number, which blocked its owner, and `409 already_waiting` told anyone with a position
// that a number was on the list; 60 made-up entries then took 60 offers.

afterAll(() => db.$disconnect());

type Sale = Awaited<ReturnType<typeof createSaleFixture>>;
let n = 0;
const person = () => buyer(700_000 + (Date.now() % 10_000) * 10 + ++n);

function join(sale: Sale, customer: ReturnType<typeof buyer>, extra: Record<string, unknown> = {}, proven?: string[]) {
  return joinWaitlistResponse(
    new Request(`http://127.0.0.1/api/festivals/${sale.festival.slug}/waitlist`, {
      method: "POST",
      body: JSON.stringify({
        sessionId: sale.session.id,
        ticketTypeId: sale.single.id,
        quantity: 1,
        customer,
        privacyConsent: PRIVACY_NOTICE_VERSION,
        ...extra,
      }),
    }),
    sale.festival.slug,
    { locale: "zh-CN", userId: null, address: "192.0.2.44", provenPhones: new Set(proven ?? []) },
  );
}

async function soldOut(capacity = 1) {
  const sale = await createSaleFixture(db, { capacity });
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: capacity }],
      customer: person(),
    },
    { userId: null, locale: "zh-CN" },
  );
  await payDemo(await db.order.findUniqueOrThrow({ where: { id: created.order.id } }));
  return { sale, orderId: created.order.id };
}

/** Asks for a code as the page does (with a solved challenge) and reads it from the outbox. */
async function textedCode(phone: string): Promise<string> {
  const challenge = await (await challengeResponse()).json();
  const solution = await solveChallenge({ challenge, deriveKey });
  const res = await sendCodeResponse(
    new Request("http://127.0.0.1/api/phone-codes", {
      method: "POST",
      body: JSON.stringify({ phone, proof: { challenge, solution } }),
    }),
    { locale: "zh-CN", address: `192.0.2.${++n % 250}`, userId: null },
  );
  expect(res.status).toBe(200);
  const text = await db.textMessage.findFirstOrThrow({
    where: { to: phone, kind: "code" },
    orderBy: { createdAt: "desc" },
  });
  return (JSON.parse(text.templateParams ?? "{}") as { code: string }).code;
}

describe("joining a waiting list", () => {
  it("asks for the texted code first: an unproven number gets 409 phone_unverified and no entry", async () => {
    const { sale } = await soldOut();
    const visitor = person();
    const res = await join(sale, visitor);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ error: "phone_unverified", message: expect.stringContaining("验证") });
    expect(await db.waitlistEntry.count({ where: { sessionId: sale.session.id } })).toBe(0);
  });

  it("joins with the right code (the browser keeps the number proven), and not with a wrong one", async () => {
    const { sale } = await soldOut();
    const visitor = person();
    const code = await textedCode(visitor.phone);
    const wrong = await join(sale, visitor, { code: String((Number(code) + 1) % 1_000_000).padStart(6, "0") });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_code", attemptsLeft: 4 });
    expect(await db.waitlistEntry.count({ where: { sessionId: sale.session.id } })).toBe(0);

    const right = await join(sale, visitor, { code });
    expect(right.status).toBe(201);
    expect((await right.json()).entry.position).toBe(1);
    const entry = await db.waitlistEntry.findFirstOrThrow({ where: { sessionId: sale.session.id } });
    expect(entry.verifiedAt).toBeInstanceOf(Date);
    const cookie = right.headers.get("set-cookie") ?? "";
    const value = cookie.split(";")[0]?.slice(VERIFIED_PHONES_COOKIE.length + 1);
    expect([...verifiedPhonesIn(value)]).toEqual([visitor.phone]);
  });

  it("tells the place of a waiting number only to whoever proved it", async () => {
    const { sale } = await soldOut();
    const owner = person();
    expect((await join(sale, owner, {}, [owner.phone])).status).toBe(201);
    // A stranger typing the owner's number learns nothing: the code comes first.
    const stranger = await join(sale, { ...person(), phone: owner.phone });
    expect(stranger.status).toBe(409);
    const body = await stranger.json();
    expect(body.error).toBe("phone_unverified");
    expect(body).not.toHaveProperty("position");
    // The owner, proven, is told their place.
    const again = await join(sale, owner, {}, [owner.phone]);
    expect(await again.json()).toMatchObject({ error: "already_waiting", position: 1 });
    expect(await db.waitlistEntry.count({ where: { sessionId: sale.session.id } })).toBe(1);
  });
});

describe("offers of returned seats", () => {
  it("go to at most 2 sessions at once for one number; the third waits its turn and keeps its place", async () => {
    const visitor = person();
    const sales = [await soldOut(), await soldOut(), await soldOut()];
    for (const { sale } of sales) expect((await join(sale, visitor, {}, [visitor.phone])).status).toBe(201);
    const offered: number[] = [];
    for (const { sale, orderId } of sales) {
      // The buyer cancels: the seat comes back and passes to the list.
      await db.order.update({ where: { id: orderId }, data: {} });
      await db.festivalSession.update({ where: { id: sale.session.id }, data: { capacity: { increment: 1 } } });
      offered.push((await offerReturnedSeats(sale.session.id)).length);
    }
    expect(offered).toEqual([1, 1, 0]);
    const third = await db.waitlistEntry.findFirstOrThrow({ where: { sessionId: sales[2]?.sale.session.id } });
    expect(third.status).toBe("WAITING");
    // One offer ends (it ran out): the third is offered on the next walk.
    const first = await db.waitlistEntry.findFirstOrThrow({ where: { sessionId: sales[0]?.sale.session.id } });
    await db.order.update({ where: { id: first.orderId ?? "" }, data: { status: "EXPIRED" } });
    await db.waitlistEntry.update({ where: { id: first.id }, data: { status: "EXPIRED" } });
    expect(await offerReturnedSeats(sales[2]?.sale.session.id ?? "")).toHaveLength(1);
  });

  it("go only to entries whose number was proven", async () => {
    const { sale } = await soldOut();
    await db.waitlistEntry.create({
      data: {
        sessionId: sale.session.id,
        ticketTypeId: sale.single.id,
        quantity: 1,
        customerName: "未验证",
        customerPhone: person().phone,
        customerEmail: "unproven@example.com",
        leaveTokenHash: `unproven-${n}`,
      },
    });
    await db.festivalSession.update({ where: { id: sale.session.id }, data: { capacity: { increment: 1 } } });
    expect(await offerReturnedSeats(sale.session.id)).toHaveLength(0);
  });
});
