import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as MANIFEST } from "../../app/api/check-in/manifest/route";
import { POST as SYNC } from "../../app/api/check-in/sync/route";
import { shanghaiDateParts } from "../../lib/dates";
import { env } from "../../lib/env";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { syncResponse } from "../../modules/check-in/api";
import { checkIn } from "../../modules/check-in/check-in";
import { CURSOR_OVERLAP_MS, listConflicts, OFFLINE_WINDOW_MS } from "../../modules/check-in/gate-sync";
import { cancelOrder } from "../../modules/orders/cancel-order";
import { createOrder } from "../../modules/orders/create-order";
import { markOrderPaid } from "../../modules/orders/mark-order-paid";
import { legacyPayloadHash, legacyQrPayload, qrPayload, ticketPublicKey } from "../../modules/tickets/signature";
import { parseScan, payloadHash, verifySigned } from "../../modules/tickets/signature-verify";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// The offline gate: the day's manifest a device downloads, and the sync of the scans it
// queued while without signal. The server stays the authority.

vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
const signedIn = vi.mocked(getCurrentUser);
const as = (user: CurrentUser | null) => signedIn.mockResolvedValue(user);

afterAll(() => db.$disconnect());

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const HOUR = 3600_000;
const MINUTE = 60_000;

async function organiser(festivalIds: string[] = []) {
  const user = await db.user.create({
    data: { email: `sync-${unique()}@example.com`, name: "检票员", passwordHash: "x", role: "ORGANISER" },
    select: { id: true, email: true, name: true, role: true },
  });
  for (const festivalId of festivalIds) await db.festivalOrganiser.create({ data: { festivalId, userId: user.id } });
  return user;
}

async function paidTickets(ticketTypeId: string, sessionId: string, quantity = 1) {
  const { order } = await createOrder(
    { items: [{ kind: "ticket", ticketTypeId, sessionId, quantity }], customer },
    { userId: null, locale: "zh-CN" },
  );
  await markOrderPaid({
    orderId: order.id,
    provider: "DEMO",
    providerRef: `demo_${order.id}`,
    amountCents: order.totalCents,
    currency: "CNY",
    eventId: `evt_${order.id}`,
  });
  return db.ticket.findMany({ where: { orderId: order.id }, orderBy: { createdAt: "asc" } });
}

/** "YYYY-MM-DD" of an instant in Suoqian. */
function dayOf(instant: Date): string {
  const { year, month, day } = shanghaiDateParts(instant);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A festival of the test's own (a session, and one the next day), its organiser, and two paid tickets. */
async function gate() {
  const fixture = await createSaleFixture(db, { capacity: 50 });
  const { festival, single, session } = fixture;
  const later = await db.festivalSession.create({
    data: {
      festivalId: festival.id,
      startsAt: new Date(session.startsAt.getTime() + 24 * HOUR),
      endsAt: new Date(session.endsAt.getTime() + 24 * HOUR),
      capacity: 50,
    },
  });
  const user = await organiser([festival.id]);
  const [ticket, second] = await paidTickets(single.id, session.id, 2);
  if (!ticket || !second) throw new Error("no tickets issued");
  // The device syncs after the day's sessions (its scans' times are in the past then).
  const syncedAt = new Date(later.endsAt.getTime() + HOUR);
  return { ...fixture, later, user, ticket, second, date: dayOf(session.startsAt), now: session.startsAt, syncedAt };
}

const manifest = (query: Record<string, string>) =>
  MANIFEST(new Request(`http://127.0.0.1/api/check-in/manifest?lang=en&${new URLSearchParams(query)}`), undefined);

const syncRequest = (body: unknown, raw?: string) =>
  new Request("http://127.0.0.1/api/check-in/sync?lang=en", { method: "POST", body: raw ?? JSON.stringify(body) });
/** Through the route: who is signed in comes from the session. */
const sync = (body: unknown, raw?: string) => SYNC(syncRequest(body, raw), undefined);
/** The same answer with the server's clock set: a device syncing after the scans it queued. */
const syncAt = (syncedAt: Date, user: { id: string }, body: unknown, raw?: string) =>
  syncResponse(syncRequest(body, raw), { locale: "en", userId: user.id, now: syncedAt });

type Scan = { id: string; code: string; scannedAt: string; sessionId?: string | null; local?: string };
const scan = (code: string, at: Date, extra: Partial<Scan> = {}): Scan => ({
  id: `scan-${unique()}`,
  code,
  scannedAt: at.toISOString(),
  local: "ok",
  ...extra,
});
const results = async (response: Response) => {
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: { id: string; result: string }[] }).results.map((r) => r.result);
};
const checkedInAt = async (id: string) => (await db.ticket.findUniqueOrThrow({ where: { id } })).checkedInAt;

beforeEach(() => signedIn.mockReset());

describe("the offline gate's manifest", () => {
  it("lists the day's tickets of the festival with what a gate decides by, and no names", async () => {
    const { festival, session, later, single, user, ticket, second, date, now } = await gate();
    const [tomorrow] = await paidTickets(single.id, later.id);
    const other = await gate();
    // The same organiser runs the other festival too: its tickets still stay out of this one's manifest.
    await db.festivalOrganiser.create({ data: { festivalId: other.festival.id, userId: user.id } });
    await db.ticket.update({ where: { id: second.id }, data: { status: "CANCELLED" } });
    await checkIn({ festivalId: festival.id, sessionId: session.id, userId: user.id, scanned: ticket.code, now });
    as(user);
    const response = await manifest({ festival: festival.slug, date });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      festival: { id: festival.id, slug: festival.slug, name: { zh: "测试节", en: "Test festival" } },
      date,
      delta: false,
      publicKey: ticketPublicKey(env.ticketSecret),
      sessions: [{ id: session.id, startsAt: session.startsAt.toISOString(), label: null }],
    });
    expect(body.cursor).toBe(body.generatedAt);
    expect(body.tickets).toEqual(
      [
        {
          code: ticket.code,
          sessionId: session.id,
          ticketType: { zh: single.nameZh, en: single.nameEn },
          status: "valid",
          checkedInAt: now.toISOString(),
          legacyHash: legacyPayloadHash(ticket.code, env.ticketSecret),
          holderHash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        },
        {
          code: second.code,
          sessionId: session.id,
          ticketType: { zh: single.nameZh, en: single.nameEn },
          status: "cancelled",
          checkedInAt: null,
          legacyHash: legacyPayloadHash(second.code, env.ticketSecret),
          holderHash: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        },
      ].sort((a, b) => (a.code < b.code ? -1 : 1)),
    );
    const text = JSON.stringify(body);
    expect(text).not.toContain(customer.name);
    expect(text).not.toContain(other.ticket.code);
    expect(text).not.toContain(tomorrow?.code);
    expect(text).not.toContain(legacyQrPayload(ticket.code, env.ticketSecret).split(".")[2]);
    // What a device makes of it: a new QR verifies with the published key, an old one by its hash.
    const signed = parseScan(qrPayload(ticket.code, env.ticketSecret));
    if (signed.kind !== "signed") throw new Error("not an SQT2 payload");
    expect(verifySigned(signed.code, signed.signature, body.publicKey)).toBe(true);
    expect(payloadHash(legacyQrPayload(ticket.code, env.ticketSecret))).toBe(
      body.tickets.find((t: { code: string }) => t.code === ticket.code).legacyHash,
    );
    // The next day's manifest has the next day's ticket only.
    const next = await (await manifest({ festival: festival.slug, date: dayOf(later.startsAt) })).json();
    expect(next.tickets.map((t: { code: string }) => t.code)).toEqual([tomorrow?.code]);
  });

  it("gives only what changed since the cursor: admissions by other devices, cancellations, new tickets", async () => {
    const { festival, session, single, user, ticket, second, date, now, syncedAt } = await gate();
    const third = (await paidTickets(single.id, session.id))[0];
    as(user);
    const first = await (await manifest({ festival: festival.slug, date })).json();
    expect(first.tickets).toHaveLength(3);
    // Nothing changed since: the overlap window may repeat recent changes, never miss one.
    await db.ticket.updateMany({
      where: { sessionId: session.id },
      data: { updatedAt: new Date(Date.now() - CURSOR_OVERLAP_MS - 5_000) },
    });
    await db.order.updateMany({
      where: { tickets: { some: { sessionId: session.id } } },
      data: { updatedAt: new Date(Date.now() - CURSOR_OVERLAP_MS - 5_000) },
    });
    const quiet = await (await manifest({ festival: festival.slug, date, since: first.cursor })).json();
    expect(quiet).toMatchObject({ delta: true, tickets: [] });

    // Another device admits one ticket, the buyer of another cancels, a new one is sold.
    const other = await organiser([festival.id]);
    as(other);
    expect(
      await results(
        await syncAt(syncedAt, other, {
          deviceId: "device-other-1",
          festival: festival.slug,
          scans: [scan(ticket.code, now)],
        }),
      ),
    ).toEqual(["ok"]);
    const order = await db.order.findUniqueOrThrow({ where: { id: second.orderId } });
    await cancelOrder({ orderId: order.id, ticketIds: "all", by: { kind: "buyer" } });
    const [fresh] = await paidTickets(single.id, session.id);
    as(user);
    const delta = await (await manifest({ festival: festival.slug, date, since: quiet.cursor })).json();
    const byCode = new Map(delta.tickets.map((t: { code: string }) => [t.code, t]));
    expect(byCode.get(ticket.code)).toMatchObject({ status: "valid", checkedInAt: now.toISOString() });
    expect(byCode.get(second.code)).toMatchObject({ status: "refunded" });
    expect(byCode.get(fresh?.code)).toMatchObject({ status: "valid", checkedInAt: null });
    expect(byCode.has(third?.code)).toBe(false);
  });

  it("refuses a stranger (401), a visitor (403), an organiser of other festivals (403), an unknown festival (404), a bad date (400)", async () => {
    const { festival, date, user } = await gate();
    as(null);
    expect((await manifest({ festival: festival.slug, date })).status).toBe(401);
    as(
      await db.user.findUniqueOrThrow({
        where: { email: "visitor@suoqian.test" },
        select: { id: true, email: true, name: true, role: true },
      }),
    );
    expect((await manifest({ festival: festival.slug, date })).status).toBe(403);
    const other = await gate();
    as(other.user);
    const foreign = await manifest({ festival: festival.slug, date });
    expect(foreign.status).toBe(403);
    expect(JSON.stringify(await foreign.json())).not.toContain("tickets");
    as(user);
    expect((await manifest({ festival: "no-such-festival", date })).status).toBe(404);
    for (const bad of ["2027-02-30", "tomorrow", "2027-6-1", ""]) {
      const response = await manifest({ festival: festival.slug, date: bad });
      expect(response.status, bad).toBe(400);
      expect((await response.json()).fields).toEqual({ date: "Give a valid date (YYYY-MM-DD)." });
    }
    const badCursor = await manifest({ festival: festival.slug, date, since: "yesterday" });
    expect(badCursor.status).toBe(400);
    expect((await badCursor.json()).fields).toEqual({ since: "Invalid sync cursor; download the ticket list again." });
    expect((await manifest({ date })).status).toBe(400);
  });
});

describe("syncing a gate's offline scans", () => {
  it("answers each kind of scan as the online gate would, by the scan's own time", async () => {
    const { festival, session, later, single, user, ticket, second, now, syncedAt } = await gate();
    const other = await gate();
    const mine = await gate();
    // The same organiser runs a second festival: its ticket is a wrong session here, not unknown.
    await db.festivalOrganiser.create({ data: { festivalId: mine.festival.id, userId: user.id } });
    const [tomorrow] = await paidTickets(single.id, later.id);
    await db.ticket.update({ where: { id: second.id }, data: { status: "CANCELLED" } });
    as(user);
    const scans = [
      scan(qrPayload(ticket.code, env.ticketSecret), now, { sessionId: session.id }),
      scan(ticket.code, new Date(now.getTime() + MINUTE), { local: "already_used" }),
      scan(legacyQrPayload(second.code, env.ticketSecret), now),
      scan(`${qrPayload(tomorrow?.code ?? "", env.ticketSecret).slice(0, -4)}AAAA`, now),
      scan(tomorrow?.code ?? "", now, { local: "wrong_session" }),
      scan(mine.ticket.code, now),
      scan(other.ticket.code, now),
      scan("ZZZZZZZZZZ", now, { local: "unknown" }),
    ];
    const answer = await results(
      await syncAt(syncedAt, user, { deviceId: "device-kinds-1", festival: festival.slug, scans }),
    );
    expect(answer).toEqual([
      "ok",
      "already_used",
      "cancelled",
      "forged",
      "wrong_session",
      "wrong_session",
      "unknown",
      "unknown",
    ]);
    expect(await checkedInAt(ticket.id)).toEqual(now);
    expect(await checkedInAt(mine.ticket.id)).toBeNull();
    const rows = await db.checkIn.findMany({ where: { userId: user.id, deviceId: "device-kinds-1" } });
    expect(rows).toHaveLength(scans.length);
    const first = rows.find((r) => r.scanId === scans[0]?.id);
    expect(first).toMatchObject({ result: "OK", ticketId: ticket.id, localResult: "ok", createdAt: now });
    expect(first?.syncedAt).toBeInstanceOf(Date);
    // The next day's ticket: refused the day before, admitted on its day.
    const nextDay = await results(
      await syncAt(syncedAt, user, {
        deviceId: "device-kinds-1",
        festival: festival.slug,
        scans: [scan(tomorrow?.code ?? "", new Date(now.getTime() - 24 * HOUR))],
      }),
    );
    expect(nextDay).toEqual(["wrong_session"]);
    const ok = await results(
      await syncAt(syncedAt, user, {
        deviceId: "device-kinds-1",
        festival: festival.slug,
        scans: [scan(tomorrow?.code ?? "", later.startsAt)],
      }),
    );
    expect(ok).toEqual(["ok"]);
  });

  it("answers the same scan sent again with the stored answer and writes nothing", async () => {
    const { festival, user, ticket, now, syncedAt } = await gate();
    as(user);
    const once = scan(ticket.code, now);
    const body = { deviceId: "device-idem-1", festival: festival.slug, scans: [once] };
    expect(await results(await syncAt(syncedAt, user, body))).toEqual(["ok"]);
    const before = await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    // Sent again (the answer was lost on the way back), also twice in one batch, and after another device's scan.
    expect(await results(await syncAt(syncedAt, user, body))).toEqual(["ok"]);
    expect(await results(await syncAt(syncedAt, user, { ...body, scans: [once, once] }))).toEqual(["ok", "ok"]);
    expect(await db.checkIn.count({ where: { userId: user.id, scanId: once.id } })).toBe(1);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toEqual(before);
    // The same scan id from another device is another scan.
    expect(await results(await syncAt(syncedAt, user, { ...body, deviceId: "device-idem-2" }))).toEqual(["conflict"]);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id } })).toBe(2);
    // A duplicate arriving at the same moment as the first is still recorded once.
    const twin = scan(ticket.code, now, { local: "already_used" });
    const both = await Promise.all([1, 2].map(() => syncAt(syncedAt, user, { ...body, scans: [twin] }).then(results)));
    expect(both).toEqual([["already_used"], ["already_used"]]);
    expect(await db.checkIn.count({ where: { scanId: twin.id } })).toBe(1);
  });

  it("takes a queued scan whose online answer was lost for the same scan, not a second admission", async () => {
    const { festival, session, user, ticket, second, now, syncedAt } = await gate();
    as(user);
    const device = { deviceId: "device-lost-answer", scanId: `scan-${unique()}` };
    // The server admits the ticket, but the answer never reaches the phone, which decides and queues it.
    const online = await checkIn({
      scanned: qrPayload(ticket.code, env.ticketSecret),
      festivalId: festival.id,
      sessionId: session.id,
      userId: user.id,
      now,
      scan: device,
    });
    expect(online.result).toBe("OK");
    const queued = scan(ticket.code, now, { id: device.scanId });
    const body = { deviceId: device.deviceId, festival: festival.slug, scans: [queued] };
    expect(await results(await syncAt(syncedAt, user, body))).toEqual(["ok"]);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect(await listConflicts(user.id)).toEqual([]);
    // The phone retries the same scan online: the recorded answer again, nothing written.
    const again = await checkIn({
      scanned: ticket.code,
      festivalId: festival.id,
      sessionId: session.id,
      userId: user.id,
      now: new Date(now.getTime() + MINUTE),
      scan: device,
    });
    expect(again.result).toBe("OK");
    expect(await db.checkIn.count({ where: { ticketId: ticket.id } })).toBe(1);
    // Without a scan id the gate still answers as before.
    const plain = await checkIn({
      scanned: second.code,
      festivalId: festival.id,
      sessionId: session.id,
      userId: user.id,
      now,
    });
    expect(plain.result).toBe("OK");
  });

  it("records a ticket admitted on two devices offline as a conflict: both kept, the earliest wins", async () => {
    const { festival, session, user, ticket, second, now, syncedAt } = await gate();
    const colleague = await organiser([festival.id]);
    const early = new Date(now.getTime() + 2 * MINUTE);
    const late = new Date(now.getTime() + 5 * MINUTE);
    // The later scan syncs first; then the earlier one arrives and takes the admission.
    as(colleague);
    expect(
      await results(
        await syncAt(syncedAt, colleague, {
          deviceId: "device-b-0001",
          festival: festival.slug,
          scans: [scan(ticket.code, late)],
        }),
      ),
    ).toEqual(["ok"]);
    expect(await checkedInAt(ticket.id)).toEqual(late);
    as(user);
    expect(
      await results(
        await syncAt(syncedAt, user, {
          deviceId: "device-a-0001",
          festival: festival.slug,
          scans: [scan(ticket.code, early)],
        }),
      ),
    ).toEqual(["ok"]);
    expect(await checkedInAt(ticket.id)).toEqual(early);
    const log = await db.checkIn.findMany({ where: { ticketId: ticket.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((l) => [l.result, l.deviceId, l.createdAt])).toEqual([
      ["OK", "device-a-0001", early],
      ["CONFLICT", "device-b-0001", late],
    ]);
    // In the usual order (earliest synced first), the later one is the conflict; an online scan after, already used.
    as(colleague);
    expect(
      await results(
        await syncAt(syncedAt, colleague, {
          deviceId: "device-b-0001",
          festival: festival.slug,
          scans: [scan(second.code, early)],
        }),
      ),
    ).toEqual(["ok"]);
    as(user);
    expect(
      await results(
        await syncAt(syncedAt, user, {
          deviceId: "device-a-0001",
          festival: festival.slug,
          scans: [scan(second.code, late)],
        }),
      ),
    ).toEqual(["conflict"]);
    expect(await checkedInAt(second.id)).toEqual(early);
    const online = await checkIn({
      festivalId: festival.id,
      sessionId: session.id,
      userId: user.id,
      scanned: second.code,
      now: late,
    });
    expect(online.result).toBe("ALREADY_USED");
    // The dashboard's list: both devices and times.
    const conflicts = await listConflicts(user.id);
    expect(conflicts.map((c) => [c.code, c.lost.deviceId, c.lost.at, c.won?.deviceId, c.won?.at])).toEqual(
      expect.arrayContaining([
        [ticket.code, "device-b-0001", late, "device-a-0001", early],
        [second.code, "device-a-0001", late, "device-b-0001", early],
      ]),
    );
    expect(await listConflicts((await organiser()).id)).toEqual([]);
  });

  it("admits a ticket exactly once when two devices sync it at the same moment", async () => {
    const { festival, user, ticket, now, syncedAt } = await gate();
    const colleague = await organiser([festival.id]);
    const send = async (who: typeof user, deviceId: string) =>
      results(await syncAt(syncedAt, who, { deviceId, festival: festival.slug, scans: [scan(ticket.code, now)] }));
    const answers = (await Promise.all([send(user, "device-race-a"), send(colleague, "device-race-b")])).flat();
    expect(answers.sort()).toEqual(["conflict", "ok"]);
    expect(await checkedInAt(ticket.id)).toEqual(now);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id, result: "OK" } })).toBe(1);
    expect(await db.checkIn.count({ where: { ticketId: ticket.id, result: "CONFLICT" } })).toBe(1);
  });

  it("keeps exactly one admission, the earliest, when four devices with different times sync at once", async () => {
    const { festival, user, second, now, syncedAt } = await gate();
    const times = [7, 3, 9, 5].map((m) => new Date(now.getTime() + m * MINUTE));
    const answers = await Promise.all(
      times.map((at, i) =>
        syncAt(syncedAt, user, {
          deviceId: `device-race4-${i}`,
          festival: festival.slug,
          scans: [scan(second.code, at)],
        }).then(results),
      ),
    );
    expect(answers.flat().every((r) => r === "ok" || r === "conflict")).toBe(true);
    expect(await checkedInAt(second.id)).toEqual(times[1]);
    const log = await db.checkIn.findMany({ where: { ticketId: second.id }, select: { result: true, deviceId: true } });
    expect(log.filter((l) => l.result === "OK")).toEqual([{ result: "OK", deviceId: "device-race4-1" }]);
    expect(log.filter((l) => l.result === "CONFLICT")).toHaveLength(3);
  });

  it("refuses a stranger (401), a visitor (403), an organiser of other festivals (403), an unknown festival (404), and writes nothing", async () => {
    const { festival, ticket, now } = await gate();
    const body = { deviceId: "device-refused", festival: festival.slug, scans: [scan(ticket.code, now)] };
    as(null);
    expect((await sync(body)).status).toBe(401);
    as(
      await db.user.findUniqueOrThrow({
        where: { email: "visitor@suoqian.test" },
        select: { id: true, email: true, name: true, role: true },
      }),
    );
    expect((await sync(body)).status).toBe(403);
    const other = await gate();
    as(other.user);
    expect((await sync(body)).status).toBe(403);
    expect((await sync({ ...body, festival: "no-such-festival" })).status).toBe(404);
    expect(await checkedInAt(ticket.id)).toBeNull();
    expect(await db.checkIn.count({ where: { deviceId: "device-refused" } })).toBe(0);
  });

  it("refuses scans dated 1970 or before the offline window, and records none of them", async () => {
    const { festival, session, user, ticket, second, now, syncedAt } = await gate();
    const post = (scans: Scan[]) =>
      syncAt(syncedAt, user, { deviceId: "device-clock-1", festival: festival.slug, scans });
    const message = "The scan is dated before the offline window (72 hours before the sync): not recorded.";
    const refused = await post([
      scan(ticket.code, new Date(0), { sessionId: session.id }),
      scan(second.code, now, { sessionId: session.id }),
      scan(ticket.code, new Date(syncedAt.getTime() - OFFLINE_WINDOW_MS - MINUTE), { sessionId: session.id }),
    ]);
    expect(refused.status).toBe(400);
    expect((await refused.json()).fields).toEqual({ "scans.0.scannedAt": message, "scans.2.scannedAt": message });
    expect(await checkedInAt(ticket.id)).toBeNull();
    expect(await checkedInAt(second.id)).toBeNull();
    expect(await db.checkIn.count({ where: { deviceId: "device-clock-1" } })).toBe(0);
    // The device drops those and sends the rest again: a scan within the window is taken.
    expect(await results(await post([scan(second.code, now, { sessionId: session.id })]))).toEqual(["ok"]);
  });

  it("answers a bad body with 400 and a message per field, and writes nothing", async () => {
    const { festival, user, ticket, now } = await gate();
    const other = await gate();
    as(user);
    const good = { deviceId: "device-bad-1", festival: festival.slug, scans: [scan(ticket.code, now)] };
    const fields = async (body: unknown, raw?: string) => {
      const response = await sync(body, raw);
      expect(response.status).toBe(400);
      return (await response.json()).fields;
    };
    expect(await fields(null, "{not json")).toEqual({ _body: "The request is not valid JSON." });
    expect(await fields({ ...good, deviceId: "x" })).toEqual({ deviceId: "Invalid device id." });
    expect(await fields({ ...good, scans: [] })).toEqual({ scans: "Send at least one scan." });
    expect(await fields({ ...good, scans: "all" })).toEqual({ scans: "Send at least one scan." });
    expect(await fields({ ...good, scans: Array.from({ length: 501 }, () => scan(ticket.code, now)) })).toEqual({
      scans: "At most 500 scans per sync.",
    });
    expect(await fields({ ...good, scans: [scan(ticket.code, now, { scannedAt: "at noon" })] })).toEqual({
      "scans.0.scannedAt": "Invalid scan time.",
    });
    expect(await fields({ ...good, scans: [scan(ticket.code, now, { local: "maybe" })] })).toEqual({
      "scans.0.local": "Invalid result decided on the device.",
    });
    expect(await fields({ ...good, scans: [scan("", now)] })).toEqual({
      "scans.0.code": "Please type a ticket code or scan a QR code.",
    });
    expect(
      await fields({
        ...good,
        scans: [scan(ticket.code, now), scan(ticket.code, now, { sessionId: other.session.id })],
      }),
    ).toEqual({
      "scans.1.sessionId": "Please choose a session of this festival.",
    });
    const huge = await sync(null, JSON.stringify({ ...good, padding: "x".repeat(600 * 1024) }));
    expect(huge.status).toBe(413);
    expect(await checkedInAt(ticket.id)).toBeNull();
    expect(await db.checkIn.count({ where: { userId: user.id } })).toBe(0);
  });
});
