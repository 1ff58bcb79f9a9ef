import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDateKey, shanghaiDateParts, shanghaiTime, wallTime } from "../../lib/dates";
import { UserError } from "../../lib/user-error";
import { checkFestival } from "../../modules/festivals/check-festival";
import { getFestivalForEditor } from "../../modules/festivals/editor-queries";
import { findFestivalsForSale, findPublishedFestivals } from "../../modules/festivals/festival-queries";
import { setFestivalPublished } from "../../modules/festivals/publish-festival";
import { saveFestival, writeFestival } from "../../modules/festivals/save-festival";
import { type FestivalInput, festivalInputSchema } from "../../modules/festivals/schemas";
import { createOrder } from "../../modules/orders/create-order";
import { customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";
import { editorPayload } from "../support/festival-payload";

type Manager = { id: string; email: string | null; role: "ORGANISER" | "ADMIN" };
let organiser: Manager;
let stranger: Manager;
let admin: Manager;
const created: string[] = [];

beforeAll(async () => {
  const find = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true } });
  organiser = { ...(await find("organiser@suoqian.test")), role: "ORGANISER" };
  admin = { ...(await find("admin@suoqian.test")), role: "ADMIN" };
  const other = await db.user.create({
    data: {
      email: `other-organiser-${Date.now()}@example.com`,
      name: "别的主办方",
      role: "ORGANISER",
      passwordHash: "x",
    },
  });
  stranger = { id: other.id, email: other.email, role: "ORGANISER" };
});

afterAll(async () => {
  // Orders reference sessions and ticket types (restrict): remove them first.
  await db.order.deleteMany({ where: { items: { some: { session: { festivalId: { in: created } } } } } });
  await db.festival.deleteMany({ where: { id: { in: created } } });
  await db.user.delete({ where: { id: stranger.id } });
  await db.$disconnect();
});

// The festival runs from ten to twelve days from now (Suoqian dates); sales are open now.
const first = shanghaiDateParts(addDays(new Date(), 10));
const day = (offset: number) => shanghaiDateKey(addDays(shanghaiTime(first.year, first.month, first.day, 12), offset));

function input(overrides: Record<string, unknown> = {}): FestivalInput {
  return festivalInputSchema.parse({
    slug: `editor-test-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`,
    kind: "bayberry",
    nameZh: "测试杨梅节",
    summaryZh: "编辑器测试",
    venueZh: "杭州生态园",
    startsOn: day(0),
    endsOn: day(2),
    salesStartAt: wallTime(new Date(Date.now() - 3600_000)),
    salesEndAt: `${day(2)}T18:00`,
    cancellationCutoffHours: "24",
    maxTicketsPerOrder: "10",
    ticketTypes: [
      { nameZh: "入园票", nameEn: "Entry", price: "12.5", admissions: "1", maxPerOrder: "10", active: true },
      { nameZh: "家庭票", price: "198", admissions: "3", maxPerOrder: "4", active: true },
    ],
    sessions: [
      { startsAt: `${day(0)}T08:00`, endsAt: `${day(0)}T10:00`, capacity: "10" },
      { startsAt: `${day(1)}T08:00`, endsAt: `${day(1)}T10:00`, capacity: "10", labelZh: "A 区" },
    ],
    ...overrides,
  });
}

/** The festival as the editor loads it, changed and turned back into a payload. */
async function edited(slug: string, change: (payload: Record<string, unknown>) => void = () => {}) {
  const payload = await editorPayload(admin, { slug });
  change(payload);
  return festivalInputSchema.parse(payload);
}

async function create(overrides: Record<string, unknown> = {}) {
  const saved = await saveFestival(input(overrides), organiser);
  created.push(saved.id);
  return saved;
}

async function buy(festivalId: string, sessionIndex: number, quantity: number) {
  const f = await db.festival.findUniqueOrThrow({
    where: { id: festivalId },
    include: { ticketTypes: { orderBy: { position: "asc" } }, sessions: { orderBy: { startsAt: "asc" } } },
  });
  const type = f.ticketTypes[0];
  const session = f.sessions[sessionIndex];
  if (!type || !session) throw new Error("nothing to buy");
  await createOrder(
    { items: [{ kind: "ticket", ticketTypeId: type.id, sessionId: session.id, quantity }], customer },
    { userId: null, locale: "zh-CN" },
  );
  return session;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

describe("the festival editor", () => {
  it("creates a draft with its ticket types and sessions, linked to the organiser who made it", async () => {
    const saved = await create();
    const f = await db.festival.findUniqueOrThrow({
      where: { id: saved.id },
      include: {
        organisers: true,
        ticketTypes: { orderBy: { position: "asc" } },
        sessions: { orderBy: { startsAt: "asc" } },
      },
    });
    expect(f.status).toBe("DRAFT");
    expect(f.organisers.map((o) => o.userId)).toEqual([organiser.id]);
    expect(f.nameEn).toBe("");
    expect(f.startsOn).toEqual(shanghaiTime(first.year, first.month, first.day));
    expect(wallTime(f.endsOn)).toBe(`${day(2)}T23:59`);
    expect(f.ticketTypes.map((t) => [t.nameZh, t.priceCents, t.admissions, t.position])).toEqual([
      ["入园票", 1250, 1, 0],
      ["家庭票", 19800, 3, 1],
    ]);
    expect(f.sessions.map((s) => [wallTime(s.startsAt), wallTime(s.endsAt), s.capacity, s.labelZh])).toEqual([
      [`${day(0)}T08:00`, `${day(0)}T10:00`, 10, null],
      [`${day(1)}T08:00`, `${day(1)}T10:00`, 10, "A 区"],
    ]);
    // Stored in UTC: 08:00 in Suoqian is midnight UTC.
    expect(f.sessions[0]?.startsAt.toISOString()).toBe(`${day(0)}T00:00:00.000Z`);
    expect((await findPublishedFestivals()).some((p) => p.slug === saved.slug)).toBe(false);
  });

  it("edits everything in one save: texts, prices, order of ticket types, sessions changed, added and deleted", async () => {
    const saved = await create();
    await saveFestival(
      await edited(saved.slug, (p) => {
        const [entry, family] = p.ticketTypes as Record<string, unknown>[];
        p.nameEn = "Test bayberry festival";
        p.ticketTypes = [
          { ...family, active: false },
          { ...entry, price: "15" },
        ];
        const [morning] = p.sessions as Record<string, unknown>[];
        p.sessions = [
          { ...morning, capacity: "30", endsAt: `${day(0)}T11:00` },
          { startsAt: `${day(2)}T14:00`, endsAt: `${day(2)}T16:00`, capacity: "50" },
        ];
      }),
      organiser,
    );
    const f = await db.festival.findUniqueOrThrow({
      where: { id: saved.id },
      include: { ticketTypes: { orderBy: { position: "asc" } }, sessions: { orderBy: { startsAt: "asc" } } },
    });
    expect(f.nameEn).toBe("Test bayberry festival");
    expect(f.ticketTypes.map((t) => [t.nameZh, t.priceCents, t.active])).toEqual([
      ["家庭票", 19800, false],
      ["入园票", 1500, true],
    ]);
    expect(f.sessions.map((s) => [wallTime(s.startsAt), wallTime(s.endsAt), s.capacity])).toEqual([
      [`${day(0)}T08:00`, `${day(0)}T11:00`, 30],
      [`${day(2)}T14:00`, `${day(2)}T16:00`, 50],
    ]);
  });

  it("refuses a slug another festival has, and a place that does not exist", async () => {
    const before = await db.festival.count();
    const error = await failure(
      saveFestival(input({ slug: "bayberry-festival", placeId: "no-such-place" }), organiser),
    );
    expect(error.fields).toEqual({
      slug: "festivalEditor.errors.slugTaken",
      placeId: "festivalEditor.errors.unknownPlace",
    });
    expect(await db.festival.count()).toBe(before);
  });

  it("refuses a capacity below the seats already taken, names the number, and changes nothing", async () => {
    const saved = await create();
    await setFestivalPublished(organiser, saved.id, true);
    const session = await buy(saved.id, 0, 3);
    const error = await failure(
      saveFestival(
        await edited(saved.slug, (p) => {
          p.nameZh = "不该保存的名字";
          (p.sessions as Record<string, unknown>[])[0] = { ...(p.sessions as object[])[0], capacity: "2" };
        }),
        organiser,
      ),
    );
    expect(error.fields).toEqual({ "sessions.0.capacity": "festivalEditor.errors.capacityBelowReserved" });
    expect(error.values).toEqual({ "sessions.0.capacity": { reserved: 3 } });
    const after = await db.festival.findUniqueOrThrow({ where: { id: saved.id }, include: { sessions: true } });
    expect(after.nameZh).toBe("测试杨梅节");
    expect(after.sessions.find((s) => s.id === session.id)?.capacity).toBe(10);
  });

  it("never sets capacity below reserved when a sale lands between the check and the write", async () => {
    const saved = await create();
    await setFestivalPublished(organiser, saved.id, true);
    const session = await buy(saved.id, 0, 3);
    const plan = await checkFestival(
      await edited(saved.slug, (p) => {
        p.nameZh = "改名";
        (p.sessions as Record<string, unknown>[])[0] = { ...(p.sessions as object[])[0], capacity: "4" };
      }),
      organiser,
    );
    // Two more seats sold after the check: 5 taken, so capacity 4 is now too small.
    await buy(saved.id, 0, 2);
    const error = await failure(writeFestival(plan, organiser));
    expect(error.fields).toEqual({ "sessions.0.capacity": "festivalEditor.errors.capacityBelowReserved" });
    expect(error.values).toEqual({ "sessions.0.capacity": { reserved: 5 } });
    const after = await db.festival.findUniqueOrThrow({ where: { id: saved.id }, include: { sessions: true } });
    expect(after.nameZh).toBe("测试杨梅节");
    expect(after.sessions.find((s) => s.id === session.id)).toMatchObject({ capacity: 10, reserved: 5 });
  });

  it("refuses to delete a session with held seats or a sold ticket type, and changes nothing; deactivating is fine", async () => {
    const saved = await create();
    await setFestivalPublished(organiser, saved.id, true);
    const sold = await buy(saved.id, 0, 2);
    const withoutSession = await failure(
      saveFestival(
        await edited(saved.slug, (p) => {
          p.nameZh = "不该保存";
          p.sessions = (p.sessions as { id: string }[]).filter((s) => s.id !== sold.id);
        }),
        organiser,
      ),
    );
    expect(withoutSession.fields).toEqual({ sessions: "festivalEditor.errors.sessionsInUse" });
    expect(withoutSession.values.sessions?.sessions).toBe(`${day(0)} 08:00–10:00`);
    const withoutType = await failure(
      saveFestival(
        await edited(saved.slug, (p) => {
          p.ticketTypes = (p.ticketTypes as object[]).slice(1);
        }),
        organiser,
      ),
    );
    expect(withoutType.fields).toEqual({ ticketTypes: "festivalEditor.errors.ticketTypeSold" });
    const after = await db.festival.findUniqueOrThrow({
      where: { id: saved.id },
      include: { sessions: true, ticketTypes: true },
    });
    expect(after.nameZh).toBe("测试杨梅节");
    expect(after.sessions).toHaveLength(2);
    expect(after.ticketTypes).toHaveLength(2);

    // Deactivated and repriced instead: the order keeps the price it was sold at.
    await saveFestival(
      await edited(saved.slug, (p) => {
        const [entry, family] = p.ticketTypes as Record<string, unknown>[];
        p.ticketTypes = [{ ...entry, active: false, price: "99" }, family];
      }),
      organiser,
    );
    const entry = await db.ticketType.findFirstOrThrow({ where: { festivalId: saved.id, nameZh: "入园票" } });
    expect(entry).toMatchObject({ active: false, priceCents: 9900 });
    const item = await db.orderItem.findFirstOrThrow({ where: { ticketTypeId: entry.id } });
    expect(item.unitPriceCents).toBe(1250);
    // Orders read ticket types through a short cache; the save is seen by the very next order.
    await expect(buy(saved.id, 1, 1)).rejects.toBeInstanceOf(UserError);
    await saveFestival(
      await edited(saved.slug, (p) => {
        const [first, family] = p.ticketTypes as Record<string, unknown>[];
        p.ticketTypes = [{ ...first, active: true }, family];
      }),
      organiser,
    );
    await buy(saved.id, 1, 1);
    const repriced = await db.orderItem.findFirstOrThrow({
      where: { ticketTypeId: entry.id },
      orderBy: { createdAt: "desc" },
    });
    expect(repriced.unitPriceCents).toBe(9900);
  });

  it("refuses an organiser who does not run the festival; an admin may edit any", async () => {
    const saved = await create();
    const payload = await edited(saved.slug, (p) => {
      p.nameZh = "别人改的";
    });
    expect((await failure(saveFestival(payload, stranger))).key).toBe("errors.notFound");
    expect((await failure(setFestivalPublished(stranger, saved.id, true))).key).toBe("errors.notFound");
    expect(await getFestivalForEditor(stranger, { slug: saved.slug })).toBeNull();
    expect((await db.festival.findUniqueOrThrow({ where: { id: saved.id } })).nameZh).toBe("测试杨梅节");
    await saveFestival(payload, admin);
    expect((await db.festival.findUniqueOrThrow({ where: { id: saved.id } })).nameZh).toBe("别人改的");
  });

  it("publishes only with an active ticket type and a session; then the public reads show it, until unpublished", async () => {
    const saved = await create({ sessions: [] });
    expect((await failure(setFestivalPublished(organiser, saved.id, true))).key).toBe(
      "festivalEditor.errors.publishNeedsSales",
    );
    await saveFestival(
      await edited(saved.slug, (p) => {
        p.sessions = [{ startsAt: `${day(1)}T10:00`, endsAt: `${day(1)}T12:00`, capacity: "25" }];
      }),
      organiser,
    );
    await setFestivalPublished(organiser, saved.id, true);
    const page = (await findPublishedFestivals()).find((f) => f.slug === saved.slug);
    expect(page?.name).toEqual({ zh: "测试杨梅节", en: "" });
    expect(page?.ticketTypes.map((t) => t.priceCents)).toEqual([1250, 19800]);
    const forSale = (await findFestivalsForSale()).find((f) => f.slug === saved.slug);
    expect(forSale?.sessions).toEqual([expect.objectContaining({ capacity: 25, remaining: 25 })]);

    // A published festival keeps something to sell.
    const emptied = await failure(
      saveFestival(
        await edited(saved.slug, (p) => {
          p.sessions = [];
        }),
        organiser,
      ),
    );
    expect(emptied.fields).toEqual({ _form: "festivalEditor.errors.publishedNeedsSales" });

    await setFestivalPublished(organiser, saved.id, false);
    expect((await findPublishedFestivals()).some((f) => f.slug === saved.slug)).toBe(false);
    expect((await findFestivalsForSale()).some((f) => f.slug === saved.slug)).toBe(false);
  });
});
