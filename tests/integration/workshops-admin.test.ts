import { updateTag } from "next/cache";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { saveWorkshopAction } from "../../modules/workshops/actions";
import { getWorkshopForEditor } from "../../modules/workshops/queries";
import { testDb as db } from "../support/db";

// The action asks next-auth who is signed in; here the test says who is. Outside a
// request, next-intl and Next's cache have no context: errors are translated with the
// real Chinese catalogue, and the shop's cache expiry is recorded instead of run.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  updateTag: vi.fn(),
  unstable_cache: (fn: unknown) => fn,
}));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("../../messages/zh-CN.json")).default;
  return { getTranslations: async () => createTranslator({ locale: "zh-CN", messages }) };
});
const signedIn = vi.mocked(getCurrentUser);

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const workshops: string[] = [];
const places: string[] = [];
const users: string[] = [];
let admin: CurrentUser;

beforeAll(async () => {
  admin = await db.user.findUniqueOrThrow({
    where: { email: "admin@suoqian.test" },
    select: { id: true, email: true, name: true, role: true },
  });
});

beforeEach(() => vi.mocked(updateTag).mockClear());

afterAll(async () => {
  await db.workshop.deleteMany({ where: { id: { in: workshops } } });
  await db.place.deleteMany({ where: { id: { in: places } } });
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.$disconnect();
});

function fields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    slug: `test-workshop-${unique()}`,
    nameZh: "测试茶叶工坊",
    nameEn: "Test Tea Workshop",
    storyZh: "村民自家炒制的春茶，统一包装后在村里销售。",
    storyEn: "Spring tea made at home by villagers, packed together and sold in the village.",
    village: "三泉王村",
    openingHoursZh: "每天 8:30–17:00",
    openingHoursEn: "Daily 8:30–17:00",
    phone: "0571-8000-0009",
    lat: "30.0712",
    lng: "120.2934",
    precision: "SURVEYED",
    ...overrides,
  };
}

async function save(values: Record<string, string>, who: CurrentUser | null = admin) {
  signedIn.mockResolvedValue(who);
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  const result = await saveWorkshopAction({ status: "idle" }, data);
  if (result.status === "success") {
    workshops.push(result.data.id);
    const row = await db.workshop.findUniqueOrThrow({ where: { id: result.data.id }, select: { placeId: true } });
    if (row.placeId) places.push(row.placeId);
  }
  return result;
}

async function created(values: Record<string, string>) {
  const result = await save(values);
  if (result.status !== "success") throw new Error(`save failed: ${JSON.stringify(result)}`);
  return db.workshop.findUniqueOrThrow({ where: { id: result.data.id }, include: { place: true } });
}

/** Everything an admin's save could touch, to prove that a refused one touched nothing. */
async function snapshot() {
  return {
    workshops: await db.workshop.findMany({ orderBy: { id: "asc" } }),
    places: await db.place.findMany({ orderBy: { id: "asc" } }),
  };
}

describe("creating and editing workshops", () => {
  it("creates a workshop with its own place on the map, and expires the shop's cache", async () => {
    const values = fields({ slug: `  Test-Tea-${unique()}  ` });
    const w = await created(values);
    expect(w).toMatchObject({
      slug: values.slug?.trim().toLowerCase(),
      nameZh: "测试茶叶工坊",
      nameEn: "Test Tea Workshop",
      village: "三泉王村",
      openingHoursEn: "Daily 8:30–17:00",
      phone: "0571-8000-0009",
    });
    expect(w.place).toMatchObject({
      lat: 30.0712,
      lng: 120.2934,
      precision: "SURVEYED",
      nameZh: "测试茶叶工坊",
      nameEn: "Test Tea Workshop",
      village: "三泉王村",
    });
    expect(updateTag).toHaveBeenCalled();
  });

  it("creates a workshop without a place when none is picked", async () => {
    const w = await created(fields({ lat: "", lng: "", phone: "", village: "" }));
    expect(w).toMatchObject({ placeId: null, phone: null, village: null });
  });

  it("edits the texts and moves the workshop's own place rather than adding another", async () => {
    const w = await created(fields());
    const editor = await getWorkshopForEditor(w.id);
    expect(editor).toMatchObject({ lat: "30.0712", lng: "120.2934", precision: "SURVEYED" });
    const placesBefore = await db.place.count();
    const result = await save({
      ...fields({ slug: w.slug, nameZh: "改名后的工坊", lat: "30.08", lng: "120.3", precision: "APPROXIMATE" }),
      id: w.id,
    });
    expect(result).toMatchObject({ status: "success", data: { id: w.id } });
    const after = await db.workshop.findUniqueOrThrow({ where: { id: w.id }, include: { place: true } });
    expect(after.nameZh).toBe("改名后的工坊");
    expect(after.placeId).toBe(w.placeId);
    expect(after.place).toMatchObject({ lat: 30.08, lng: 120.3, precision: "APPROXIMATE", nameZh: "改名后的工坊" });
    expect(await db.place.count()).toBe(placesBefore);
  });

  it("gives a workshop on a shared village place a place of its own when moved, leaving the village where it is", async () => {
    const village = await db.place.create({
      data: { slug: `test-village-${unique()}`, nameZh: "测试村", nameEn: "Test village", lat: 30.05, lng: 120.27 },
    });
    places.push(village.id);
    const a = await created(fields({ lat: "", lng: "" }));
    const b = await created(fields({ lat: "", lng: "" }));
    await db.workshop.updateMany({ where: { id: { in: [a.id, b.id] } }, data: { placeId: village.id } });

    // Saved without moving the point: still on the shared place, which keeps its names.
    const kept = await save({ ...fields({ slug: a.slug, lat: "30.05", lng: "120.27" }), id: a.id });
    expect(kept.status).toBe("success");
    expect((await db.workshop.findUniqueOrThrow({ where: { id: a.id } })).placeId).toBe(village.id);

    const moved = await save({ ...fields({ slug: a.slug, lat: "30.06", lng: "120.28" }), id: a.id });
    expect(moved.status).toBe("success");
    const after = await db.workshop.findUniqueOrThrow({ where: { id: a.id }, include: { place: true } });
    if (after.placeId) places.push(after.placeId);
    expect(after.placeId).not.toBe(village.id);
    expect(after.place).toMatchObject({ lat: 30.06, lng: 120.28, precision: "SURVEYED" });
    expect(await db.place.findUniqueOrThrow({ where: { id: village.id } })).toMatchObject({
      lat: 30.05,
      lng: 120.27,
      nameZh: "测试村",
    });
    expect((await db.workshop.findUniqueOrThrow({ where: { id: b.id } })).placeId).toBe(village.id);
  });
});

describe("refusing bad saves", () => {
  it("refuses a slug another workshop uses, on create and on edit, and writes nothing", async () => {
    const taken = await created(fields());
    const other = await created(fields());
    const before = await snapshot();
    const duplicate = await save(fields({ slug: taken.slug.toUpperCase() }));
    expect(duplicate).toMatchObject({
      status: "error",
      fields: { slug: "这个网址名已被另一个工坊使用，请换一个。" },
    });
    const renamed = await save({ ...fields({ slug: taken.slug, nameZh: "抢名字" }), id: other.id });
    expect(renamed).toMatchObject({ status: "error", fields: { slug: "这个网址名已被另一个工坊使用，请换一个。" } });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const existing = await created(fields());
    vi.mocked(updateTag).mockClear();
    const before = await snapshot();
    const bad = await save(
      fields({ slug: "Not a slug!", nameZh: " ", nameEn: "", storyZh: "", phone: "call me", precision: "EXACT" }),
    );
    expect(bad).toMatchObject({
      status: "error",
      message: "请检查标出的内容。",
      fields: {
        slug: "网址名须为 3–60 个小写字母、数字或连字符，如 dujia-bayberry。",
        nameZh: "此项必填。",
        nameEn: "此项必填。",
        storyZh: "此项必填。",
        phone: "请输入有效的电话号码，如 0571-8000-0001 或 13812345678。",
        precision: "请选择位置精度。",
      },
    });
    const outside = await save(fields({ lat: "31.2304", lng: "121.4737" }));
    expect(outside).toMatchObject({
      status: "error",
      fields: { place: "该点在所前镇范围之外，请在虚线框内选点。" },
    });
    const half = await save(fields({ lat: "30.07", lng: "" }));
    expect(half).toMatchObject({ status: "error", fields: { place: "地图位置无效，请在地图上重新点选。" } });
    const nonsense = await save(fields({ lat: "north", lng: "120.29" }));
    expect(nonsense).toMatchObject({ status: "error", fields: { lat: "地图位置无效，请在地图上重新点选。" } });
    const movedOut = await save({ ...fields({ slug: existing.slug, lat: "30.5", lng: "120.29" }), id: existing.id });
    expect(movedOut.status).toBe("error");
    const gone = await save({ ...fields(), id: "no-such-workshop" });
    expect(gone).toMatchObject({ status: "error", message: "找不到该内容，可能已被删除。" });
    expect(await snapshot()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("refuses visitors, farmers, organisers and strangers, and writes nothing", async () => {
    const existing = await created(fields());
    vi.mocked(updateTag).mockClear();
    const before = await snapshot();
    for (const role of ["VISITOR", "FARMER", "ORGANISER"] as const) {
      const someone = await db.user.create({
        data: { email: `workshop-${unique()}@example.com`, name: "无权限", passwordHash: "x", role },
        select: { id: true, email: true, name: true, role: true },
      });
      users.push(someone.id);
      const create = await save(fields(), someone);
      const edit = await save({ ...fields({ slug: existing.slug, nameZh: "被改了" }), id: existing.id }, someone);
      for (const result of [create, edit]) {
        expect(result).toMatchObject({ status: "error", message: "您没有权限进行此操作。" });
      }
    }
    expect(await save(fields(), null)).toMatchObject({ status: "error", message: "请先登录。" });
    expect(await snapshot()).toEqual(before);
    expect(updateTag).not.toHaveBeenCalled();
  });
});
