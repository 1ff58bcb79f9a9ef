import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, shanghaiDateKey, shanghaiDateParts, shanghaiTime, wallTime } from "../../lib/dates";
import { SUOQIAN_REGION } from "../../lib/region";
import { UserError } from "../../lib/user-error";
import { parseAuditFilter } from "../../modules/audit/filter";
import { AUDIT_PAGE_SIZE, findAuditEntries } from "../../modules/audit/queries";
import { type AuditActor, recordAudit } from "../../modules/audit/record-audit";
import { festivalScope } from "../../modules/auth/festival-scope";
import { approveApplication, rejectApplication } from "../../modules/farmer-applications/decide-application";
import { checkFestival } from "../../modules/festivals/check-festival";
import { setFestivalPublished } from "../../modules/festivals/publish-festival";
import { saveFestival, writeFestival } from "../../modules/festivals/save-festival";
import { type FestivalInput, festivalInputSchema } from "../../modules/festivals/schemas";
import { createOrder } from "../../modules/orders/create-order";
import { setRoutePublished } from "../../modules/routes/publish-route";
import { saveRoute } from "../../modules/routes/save-route";
import { type RouteInput, routeInputSchema } from "../../modules/routes/schemas";
import { saveWorkshop } from "../../modules/workshops/save-workshop";
import { workshopInputSchema } from "../../modules/workshops/schemas";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";
import { editorPayload } from "../support/festival-payload";

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const actorOf = (email: string): Promise<AuditActor> =>
  db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, role: true } });

let admin: AuditActor;
let organiser: AuditActor;
/** Another festival's organiser: their festival is none of `organiser`'s business. */
let otherOrganiser: AuditActor;
let otherFestivalId: string;
const festivals: string[] = [];
const routes: string[] = [];
const workshops: string[] = [];
const places: string[] = [];
const users: string[] = [];

beforeAll(async () => {
  admin = await actorOf("admin@suoqian.test");
  organiser = await actorOf("organiser@suoqian.test");
  otherOrganiser = await db.user.create({
    data: { email: `audit-other-${unique()}@example.com`, name: "另一位主办方", role: "ORGANISER", passwordHash: "x" },
    select: { id: true, email: true, role: true },
  });
  users.push(otherOrganiser.id);
  const { festival } = await createSaleFixture(db, { capacity: 10 });
  otherFestivalId = festival.id;
  festivals.push(festival.id);
  await db.festivalOrganiser.create({ data: { festivalId: festival.id, userId: otherOrganiser.id } });
});

afterAll(async () => {
  await db.order.deleteMany({ where: { items: { some: { session: { festivalId: { in: festivals } } } } } });
  await db.festival.deleteMany({ where: { id: { in: festivals } } });
  await db.route.deleteMany({ where: { id: { in: routes } } });
  await db.farmerProfile.deleteMany({ where: { workshopId: { in: workshops } } });
  await db.workshop.deleteMany({ where: { id: { in: workshops } } });
  await db.place.deleteMany({ where: { id: { in: places } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

/** Every entry about one record, oldest first. */
const entriesOf = (entityId: string) => db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });

/** Runs a write that must fail with a UserError, and proves it left no audit entry. */
async function failsWithoutEntry(write: () => Promise<unknown>): Promise<UserError> {
  const before = await db.auditLog.count();
  const error = await write().then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  expect(await db.auditLog.count()).toBe(before);
  return error;
}

// ---- festivals -------------------------------------------------------------------

const first = shanghaiDateParts(addDays(new Date(), 10));
const day = (offset: number) => shanghaiDateKey(addDays(shanghaiTime(first.year, first.month, first.day, 12), offset));

function festivalInput(overrides: Record<string, unknown> = {}): FestivalInput {
  return festivalInputSchema.parse({
    slug: `audit-festival-${unique()}`,
    kind: "bayberry",
    nameZh: "审计测试节",
    summaryZh: "审计",
    venueZh: "杭州生态园",
    startsOn: day(0),
    endsOn: day(1),
    salesStartAt: wallTime(new Date(Date.now() - 3600_000)),
    salesEndAt: `${day(1)}T18:00`,
    cancellationCutoffHours: "24",
    maxTicketsPerOrder: "10",
    ticketTypes: [{ nameZh: "入园票", price: "12.5", admissions: "1", maxPerOrder: "10", active: true }],
    sessions: [
      { startsAt: `${day(0)}T08:00`, endsAt: `${day(0)}T10:00`, capacity: "10" },
      { startsAt: `${day(1)}T08:00`, endsAt: `${day(1)}T10:00`, capacity: "10" },
    ],
    ...overrides,
  });
}

/** The festival as the editor loads it, changed and turned back into a payload. */
async function edited(slug: string, change: (payload: Record<string, unknown>) => void) {
  const payload = await editorPayload(admin, { slug });
  change(payload);
  return festivalInputSchema.parse(payload);
}

async function createFestival() {
  const saved = await saveFestival(festivalInput(), organiser);
  festivals.push(saved.id);
  return saved;
}

describe("festival writes in the audit log", () => {
  it("records a new festival once, by its organiser, with what it set and its ticket types and sessions", async () => {
    const saved = await createFestival();
    const entries = await entriesOf(saved.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: "festival.create",
      actorId: organiser.id,
      actorEmail: organiser.email,
      actorRole: "ORGANISER",
      entityType: "festival",
      entityId: saved.id,
      festivalId: saved.id,
      changes: {
        slug: { from: null, to: saved.slug },
        nameZh: { from: null, to: "审计测试节" },
        kind: { from: null, to: "BAYBERRY" },
        ticketTypes: { added: ["入园票"], changed: [], removed: [] },
        sessions: {
          added: [`${day(0)} 08:00–10:00`, `${day(1)} 08:00–10:00`],
          changed: [],
          removed: [],
        },
      },
    });
  });

  it("records an edit with exactly the fields that changed, and ticket types and sessions changed, added and removed", async () => {
    const saved = await createFestival();
    await saveFestival(
      await edited(saved.slug, (p) => {
        const [entry] = p.ticketTypes as Record<string, unknown>[];
        p.nameEn = "Audit festival";
        p.ticketTypes = [
          { ...entry, price: "15" },
          { nameZh: "家庭票", price: "198", admissions: "3", maxPerOrder: "4", active: true },
        ];
        const [morning] = p.sessions as Record<string, unknown>[];
        p.sessions = [
          { ...morning, capacity: "30" },
          { startsAt: `${day(1)}T14:00`, endsAt: `${day(1)}T16:00`, capacity: "20" },
        ];
      }),
      admin,
    );
    const entries = await entriesOf(saved.id);
    expect(entries.map((e) => e.action)).toEqual(["festival.create", "festival.update"]);
    const update = entries[1];
    expect(update).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", festivalId: saved.id });
    expect(update?.changes).toEqual({
      nameEn: { from: "", to: "Audit festival" },
      ticketTypes: {
        added: ["家庭票"],
        changed: [{ name: "入园票", changes: { priceCents: { from: 1250, to: 1500 } } }],
        removed: [],
      },
      sessions: {
        added: [`${day(1)} 14:00–16:00`],
        changed: [{ name: `${day(0)} 08:00–10:00`, changes: { capacity: { from: 10, to: 30 } } }],
        removed: [`${day(1)} 08:00–10:00`],
      },
    });
  });

  it("records publishing and unpublishing with the status they changed", async () => {
    const saved = await createFestival();
    await setFestivalPublished(organiser, saved.id, true);
    await setFestivalPublished(organiser, saved.id, false);
    const entries = await entriesOf(saved.id);
    expect(entries.slice(1).map((e) => [e.action, e.festivalId, e.actorId, e.changes])).toEqual([
      ["festival.publish", saved.id, organiser.id, { status: { from: "DRAFT", to: "PUBLISHED" } }],
      ["festival.unpublish", saved.id, organiser.id, { status: { from: "PUBLISHED", to: "DRAFT" } }],
    ]);
  });

  it("records nothing for a refused save, a refused publish, or an edit rolled back inside its transaction", async () => {
    await failsWithoutEntry(() => saveFestival(festivalInput({ slug: "bayberry-festival" }), organiser));
    const empty = await saveFestival(festivalInput({ sessions: [] }), organiser);
    festivals.push(empty.id);
    await failsWithoutEntry(() => setFestivalPublished(organiser, empty.id, true));
    await failsWithoutEntry(() => setFestivalPublished(otherOrganiser, empty.id, false));

    // A sale lands between the check and the write: the write's own guard throws inside the transaction.
    const saved = await createFestival();
    await setFestivalPublished(organiser, saved.id, true);
    const session = await db.festivalSession.findFirstOrThrow({
      where: { festivalId: saved.id },
      orderBy: { startsAt: "asc" },
    });
    const type = await db.ticketType.findFirstOrThrow({ where: { festivalId: saved.id } });
    const buy = (quantity: number) =>
      createOrder(
        { items: [{ kind: "ticket", ticketTypeId: type.id, sessionId: session.id, quantity }], customer },
        { userId: null, locale: "zh-CN" },
      );
    await buy(3);
    const plan = await checkFestival(
      await edited(saved.slug, (p) => {
        p.nameZh = "不该保存";
        (p.sessions as Record<string, unknown>[])[0] = { ...(p.sessions as object[])[0], capacity: "4" };
      }),
      organiser,
    );
    await buy(2);
    const error = await failsWithoutEntry(() => writeFestival(plan, organiser));
    expect(error.fields).toEqual({ "sessions.0.capacity": "festivalEditor.errors.capacityBelowReserved" });
    expect((await entriesOf(saved.id)).map((e) => e.action)).toEqual(["festival.create", "festival.publish"]);
    expect((await db.festival.findUniqueOrThrow({ where: { id: saved.id } })).nameZh).toBe("审计测试节");
  });
});

// ---- routes ----------------------------------------------------------------------

async function twoPlaces() {
  const [dujia, eco] = await db.place.findMany({
    where: { slug: { in: ["dujia", "eco-park"] } },
    orderBy: { slug: "asc" },
  });
  if (!dujia || !eco) throw new Error("seeded places missing");
  return [dujia, eco] as const;
}

async function routeInput(overrides: Record<string, unknown> = {}): Promise<RouteInput> {
  const [dujia, eco] = await twoPlaces();
  return routeInputSchema(SUOQIAN_REGION).parse({
    slug: `audit-route-${unique()}`,
    category: "picking",
    difficulty: "easy",
    titleZh: "审计线路",
    titleEn: "Audit route",
    summaryZh: "测试",
    summaryEn: "Test",
    months: [6],
    path: null,
    stops: [
      { placeId: dujia.id, suggestedMinutes: 30 },
      { placeId: eco.id, suggestedMinutes: 45, noteZh: "采摘区" },
    ],
    ...overrides,
  });
}

describe("route writes in the audit log", () => {
  it("records creating, editing, publishing and withdrawing a route, each once, with what changed", async () => {
    const [dujia, eco] = await twoPlaces();
    const input = await routeInput();
    const saved = await saveRoute(input, SUOQIAN_REGION, admin);
    routes.push(saved.id);
    await saveRoute({ ...input, id: saved.id, titleEn: "Audit route, renamed" }, SUOQIAN_REGION, admin);
    await setRoutePublished(admin, saved.id, true);
    await setRoutePublished(admin, saved.id, false);

    const entries = await entriesOf(saved.id);
    expect(entries.map((e) => e.action)).toEqual(["route.create", "route.update", "route.publish", "route.unpublish"]);
    for (const e of entries) {
      expect(e).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", entityType: "route", festivalId: null });
    }
    expect(entries[0]?.changes).toMatchObject({
      titleZh: { from: null, to: "审计线路" },
      stops: { from: [], to: [`${dujia.nameZh} 30′`, `${eco.nameZh} 45′ (采摘区)`] },
      months: { from: [], to: [6] },
    });
    expect(entries[1]?.changes).toEqual({ titleEn: { from: "Audit route", to: "Audit route, renamed" } });
    expect(entries[2]?.changes).toEqual({ status: { from: "DRAFT", to: "PUBLISHED" } });
    expect(entries[3]?.changes).toEqual({ status: { from: "PUBLISHED", to: "DRAFT" } });
  });

  it("records stops and months when they change", async () => {
    const [dujia, eco] = await twoPlaces();
    const input = await routeInput();
    const saved = await saveRoute(input, SUOQIAN_REGION, admin);
    routes.push(saved.id);
    await saveRoute(
      {
        ...input,
        id: saved.id,
        months: [5, 6],
        stops: [
          { placeId: eco.id, suggestedMinutes: 45 },
          { placeId: dujia.id, suggestedMinutes: 30 },
        ],
      },
      SUOQIAN_REGION,
      admin,
    );
    const [, update] = await entriesOf(saved.id);
    expect(update?.changes).toMatchObject({
      stops: {
        from: [`${dujia.nameZh} 30′`, `${eco.nameZh} 45′ (采摘区)`],
        to: [`${eco.nameZh} 45′`, `${dujia.nameZh} 30′`],
      },
      months: { from: [6], to: [5, 6] },
    });
  });

  it("records nothing when the database refuses the save or the route cannot be published", async () => {
    const taken = (await db.route.findFirstOrThrow({ where: { status: "PUBLISHED" } })).slug;
    await failsWithoutEntry(async () => saveRoute(await routeInput({ slug: taken }), SUOQIAN_REGION, admin));
    await failsWithoutEntry(async () =>
      saveRoute({ ...(await routeInput()), id: "no-such-route" }, SUOQIAN_REGION, admin),
    );
    const saved = await saveRoute(await routeInput(), SUOQIAN_REGION, admin);
    routes.push(saved.id);
    await db.routeStop.deleteMany({ where: { routeId: saved.id, position: 1 } });
    const error = await failsWithoutEntry(() => setRoutePublished(admin, saved.id, true));
    expect(error.key).toBe("validation.route.minStops");
    expect((await db.route.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("DRAFT");
  });
});

// ---- workshops and farmers -------------------------------------------------------

const workshopInput = (overrides: Record<string, string> = {}) =>
  workshopInputSchema.parse({
    slug: `audit-workshop-${unique()}`,
    nameZh: "审计工坊",
    nameEn: "Audit workshop",
    storyZh: "测试",
    lat: "30.0712",
    lng: "120.2934",
    precision: "SURVEYED",
    ...overrides,
  });

async function createWorkshop() {
  const saved = await saveWorkshop(workshopInput(), SUOQIAN_REGION, admin);
  workshops.push(saved.id);
  const row = await db.workshop.findUniqueOrThrow({ where: { id: saved.id } });
  if (row.placeId) places.push(row.placeId);
  return row;
}

describe("workshop writes in the audit log", () => {
  it("records a new workshop with its fields and place, and an edit with only what changed", async () => {
    const w = await createWorkshop();
    await saveWorkshop(
      workshopInput({ id: w.id, slug: w.slug, nameZh: "改名工坊", lat: "30.08", lng: "120.3" }),
      SUOQIAN_REGION,
      admin,
    );
    const entries = await entriesOf(w.id);
    expect(entries.map((e) => [e.action, e.entityType, e.actorId, e.festivalId])).toEqual([
      ["workshop.create", "workshop", admin.id, null],
      ["workshop.update", "workshop", admin.id, null],
    ]);
    expect(entries[0]?.changes).toMatchObject({
      slug: { from: null, to: w.slug },
      nameZh: { from: null, to: "审计工坊" },
      place: { from: null, to: { lat: 30.0712, lng: 120.2934, precision: "SURVEYED" } },
    });
    expect(entries[1]?.changes).toEqual({
      nameZh: { from: "审计工坊", to: "改名工坊" },
      place: {
        from: { lat: 30.0712, lng: 120.2934, precision: "SURVEYED" },
        to: { lat: 30.08, lng: 120.3, precision: "SURVEYED" },
      },
    });
  });

  it("records nothing for a slug already taken or a workshop that is gone", async () => {
    const w = await createWorkshop();
    await failsWithoutEntry(() => saveWorkshop(workshopInput({ slug: w.slug }), SUOQIAN_REGION, admin));
    await failsWithoutEntry(() => saveWorkshop(workshopInput({ id: "no-such-workshop" }), SUOQIAN_REGION, admin));
  });
});

describe("farmer decisions in the audit log", () => {
  async function application(role: "VISITOR" | "ORGANISER" = "VISITOR") {
    const w = await createWorkshop();
    const user = await db.user.create({
      data: { email: `audit-applicant-${unique()}@example.com`, name: "申请人", role, passwordHash: "x" },
    });
    users.push(user.id);
    return db.farmerProfile.create({
      data: { userId: user.id, workshopId: w.id, displayName: "审计果园", village: "杜家村", phone: "13800000001" },
    });
  }

  it("records an approval with the status and role it changed, and a rejection with its reason", async () => {
    const approved = await application();
    await approveApplication(admin, approved.id);
    const rejected = await application();
    await rejectApplication(admin, rejected.id, "照片看不清。");
    expect(await entriesOf(approved.id)).toEqual([
      expect.objectContaining({
        action: "farmer.approve",
        entityType: "farmer",
        actorId: admin.id,
        festivalId: null,
        changes: { status: { from: "PENDING", to: "APPROVED" }, role: { from: "VISITOR", to: "FARMER" } },
      }),
    ]);
    expect(await entriesOf(rejected.id)).toEqual([
      expect.objectContaining({
        action: "farmer.reject",
        actorId: admin.id,
        changes: { status: { from: "PENDING", to: "REJECTED" }, reason: "照片看不清。" },
      }),
    ]);
  });

  it("records nothing for a refused decision or one taken twice", async () => {
    const staff = await application("ORGANISER");
    await failsWithoutEntry(() => approveApplication(admin, staff.id));
    expect((await db.farmerProfile.findUniqueOrThrow({ where: { id: staff.id } })).status).toBe("PENDING");
    const decided = await application();
    await rejectApplication(admin, decided.id, "重复");
    await failsWithoutEntry(() => rejectApplication(admin, decided.id, "再次"));
    await failsWithoutEntry(() => approveApplication(admin, decided.id));
  });
});

// ---- reading the log -------------------------------------------------------------

/** A Suoqian calendar day, days from now: "2027-06-11". */
const suoqianDay = (days: number) => shanghaiDateKey(addDays(new Date(), days));

describe("reading the audit log", () => {
  it("shows an organiser only their festivals' entries, whatever they filter on", async () => {
    const mine = await createFestival();
    await setFestivalPublished(otherOrganiser, otherFestivalId, false);
    const route = await saveRoute(await routeInput(), SUOQIAN_REGION, admin);
    routes.push(route.id);

    const scope = await festivalScope(organiser);
    if (scope.all) throw new Error("an organiser's scope is their festivals");
    expect(scope.festivalIds).toContain(mine.id);
    expect(scope.festivalIds).not.toContain(otherFestivalId);
    const seen = await findAuditEntries(scope, {}, 1);
    expect(seen.entries.length).toBeGreaterThan(0);
    for (const e of seen.entries) expect(scope.festivalIds).toContain(e.festivalId);
    expect((await findAuditEntries(scope, { entityId: mine.id }, 1)).total).toBe(1);
    expect((await findAuditEntries(scope, { festivalId: otherFestivalId }, 1)).total).toBe(0);
    expect((await findAuditEntries(scope, { entityId: otherFestivalId }, 1)).total).toBe(0);
    expect((await findAuditEntries(scope, { entityId: route.id }, 1)).total).toBe(0);

    // The other organiser sees their own festival's entry and nothing of ours; an admin sees both.
    const theirs = await findAuditEntries(await festivalScope(otherOrganiser), {}, 1);
    expect(theirs.entries.map((e) => [e.action, e.festivalId])).toEqual([["festival.unpublish", otherFestivalId]]);
    expect(theirs.entries[0]?.record).toEqual({
      name: { zh: "测试节", en: "Test festival" },
      href: expect.stringMatching(/^\/organiser\/festivals\/test-festival-.+\/edit$/),
    });
    const all = await festivalScope(admin);
    expect((await findAuditEntries(all, { festivalId: otherFestivalId }, 1)).total).toBe(1);
    expect((await findAuditEntries(all, { entityId: route.id }, 1)).entries[0]?.record.href).toBe(
      `/admin/routes/${route.id}`,
    );
  });

  it("filters by action, record type, actor, record, festival and Suoqian day", async () => {
    const saved = await createFestival();
    await setFestivalPublished(organiser, saved.id, true);
    const all = { all: true } as const;
    const count = async (filter: Parameters<typeof findAuditEntries>[1]) =>
      (await findAuditEntries(all, { entityId: saved.id, ...filter }, 1)).total;
    expect(await count({})).toBe(2);
    expect(await count({ action: "festival.publish" })).toBe(1);
    expect(await count({ action: "route.update" })).toBe(0);
    expect(await count({ entityType: "festival" })).toBe(2);
    expect(await count({ entityType: "order" })).toBe(0);
    expect(await count({ actor: "organiser@suoqian" })).toBe(2);
    expect(await count({ actor: "admin@" })).toBe(0);
    expect(await count({ festivalId: saved.id })).toBe(2);
    expect(await count({ festivalId: otherFestivalId })).toBe(0);
    expect(await count({ from: suoqianDay(0), to: suoqianDay(0) })).toBe(2);
    expect(await count({ from: suoqianDay(-1) })).toBe(2);
    expect(await count({ to: suoqianDay(-1) })).toBe(0);
    expect(await count({ from: suoqianDay(1) })).toBe(0);
    const published = await findAuditEntries(all, { action: "festival.publish", actor: "organiser@" }, 1);
    expect(published.entries.some((e) => e.entityId === saved.id)).toBe(true);
    expect(published.entries.every((e) => e.action === "festival.publish")).toBe(true);
  });

  it("pages 50 entries at a time, newest first", async () => {
    const entityId = `audit-paging-${unique()}`;
    for (let i = 0; i < AUDIT_PAGE_SIZE + 1; i += 1) {
      await recordAudit(db, admin, { action: "user.role", entityType: "user", entityId, changes: { n: i } });
    }
    const one = await findAuditEntries({ all: true }, { entityId }, 1);
    const two = await findAuditEntries({ all: true }, { entityId }, 2);
    expect([one.total, one.pages, one.entries.length, two.entries.length]).toEqual([51, 2, 50, 1]);
    const times = [...one.entries, ...two.entries].map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const seen = [...one.entries, ...two.entries].map((e) => (e.changes as { n: number }).n);
    expect(seen.sort((a, b) => a - b)).toEqual([...Array(AUDIT_PAGE_SIZE + 1).keys()]);
    await db.auditLog.deleteMany({ where: { entityId } });
  });

  it("reads the filter from the query string, ignoring and naming what it cannot read", () => {
    expect(
      parseAuditFilter({
        action: "festival.update",
        entity: "festival",
        actor: "  Organiser@Suoqian ",
        id: "c123",
        from: "2027-06-01",
        to: "2027-06-30",
        festival: "f1",
        page: "2",
      }),
    ).toEqual({
      filter: {
        action: "festival.update",
        entityType: "festival",
        actor: "organiser@suoqian",
        entityId: "c123",
        from: "2027-06-01",
        to: "2027-06-30",
        festivalId: "f1",
      },
      page: 2,
      invalid: [],
    });
    const bad = parseAuditFilter({
      action: "drop table",
      entity: "ticket",
      from: "2027-02-30",
      to: "soon",
      page: "-1",
    });
    expect(bad.filter).toEqual({
      action: undefined,
      entityType: undefined,
      actor: undefined,
      entityId: undefined,
      from: undefined,
      to: undefined,
      festivalId: undefined,
    });
    expect(bad.page).toBe(1);
    expect(bad.invalid).toEqual(["action", "entity", "from", "to", "page"]);
    expect(parseAuditFilter({ action: "", actor: "", page: ["3", "4"] })).toMatchObject({ page: 3, invalid: [] });
  });
});
