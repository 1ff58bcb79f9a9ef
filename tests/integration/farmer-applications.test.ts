import { updateTag } from "next/cache";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "../../lib/action-state";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import {
  applyToSellAction,
  approveApplicationAction,
  rejectApplicationAction,
} from "../../modules/farmer-applications/actions";
import { findMyApplication } from "../../modules/farmer-applications/queries";
import { testDb as db } from "../support/db";

// The actions ask next-auth who is signed in; here the test says who is. Outside a
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
const idle = { status: "idle" } as const;

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
const users: string[] = [];
let workshopId: string;
let otherWorkshopId: string;
let admin: CurrentUser;

async function user(role: CurrentUser["role"]): Promise<CurrentUser> {
  const row = await db.user.create({
    data: { email: `apply-${unique()}@example.com`, name: `测试${role}`, passwordHash: "x", role },
    select: { id: true, email: true, name: true, role: true },
  });
  users.push(row.id);
  return row;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

const application = (overrides: Record<string, string> = {}) =>
  form({ displayName: "杜师傅家的杨梅", village: "杜家村", phone: "+86 138-1234-5678", workshopId, ...overrides });

function as<T>(who: CurrentUser | null, action: (s: ActionState<T>, f: FormData) => Promise<ActionState<T>>) {
  return (data: FormData) => {
    signedIn.mockResolvedValue(who);
    return action(idle, data);
  };
}

function profileOf(userId: string) {
  return db.farmerProfile.findUnique({ where: { userId } });
}

async function roleOf(userId: string) {
  return (await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } })).role;
}

/** A visitor with a pending application. */
async function applicant(): Promise<{ visitor: CurrentUser; profileId: string }> {
  const visitor = await user("VISITOR");
  const applied = await as(visitor, applyToSellAction)(application());
  if (applied.status !== "success") throw new Error(`apply failed: ${JSON.stringify(applied)}`);
  return { visitor, profileId: applied.data.id };
}

beforeAll(async () => {
  const workshop = (slug: string) =>
    db.workshop.create({
      data: { slug, nameZh: "测试工坊", nameEn: "Test workshop", storyZh: "测试", storyEn: "Test" },
      select: { id: true },
    });
  workshopId = (await workshop(`apply-test-${unique()}`)).id;
  otherWorkshopId = (await workshop(`apply-test-other-${unique()}`)).id;
  const row = await db.user.findUniqueOrThrow({
    where: { email: "admin@suoqian.test" },
    select: { id: true, email: true, name: true, role: true },
  });
  admin = row;
});

beforeEach(() => vi.mocked(updateTag).mockClear());

afterAll(async () => {
  await db.user.deleteMany({ where: { id: { in: users } } });
  await db.workshop.deleteMany({ where: { id: { in: [workshopId, otherWorkshopId] } } });
  await db.$disconnect();
});

describe("applying to sell", () => {
  it("creates a pending application with the mobile number normalised, and leaves the role alone", async () => {
    const visitor = await user("VISITOR");
    const result = await as(visitor, applyToSellAction)(application());
    expect(result.status).toBe("success");
    const profile = await profileOf(visitor.id);
    expect(profile).toMatchObject({
      status: "PENDING",
      displayName: "杜师傅家的杨梅",
      village: "杜家村",
      phone: "13812345678",
      workshopId,
      rejectionReason: null,
      decidedAt: null,
    });
    expect(await roleOf(visitor.id)).toBe("VISITOR");
    expect((await findMyApplication(visitor.id))?.status).toBe("PENDING");
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const visitor = await user("VISITOR");
    const apply = as(visitor, applyToSellAction);
    const bad = await apply(application({ displayName: " ", village: "", phone: "12345" }));
    expect(bad).toMatchObject({
      status: "error",
      fields: {
        displayName: "请填写店铺名称（最多 40 个字）。",
        village: "请填写所在村（最多 40 个字）。",
        phone: "请输入 11 位中国大陆手机号，例如 13812345678。",
      },
    });
    const tooLong = await apply(application({ displayName: "杨".repeat(41) }));
    expect(tooLong.status === "error" && tooLong.fields.displayName).toBeTruthy();
    const noWorkshop = await apply(application({ workshopId: "no-such-workshop" }));
    expect(noWorkshop).toMatchObject({ status: "error", fields: { workshopId: "请选择一个工坊。" } });
    expect(await profileOf(visitor.id)).toBeNull();
  });

  it("does not take a second application while the first is pending", async () => {
    const { visitor } = await applicant();
    const before = await profileOf(visitor.id);
    const again = await as(visitor, applyToSellAction)(application({ village: "别的村", workshopId: otherWorkshopId }));
    expect(again).toMatchObject({ status: "error", message: "您已经提交过申请，请等待审核结果。" });
    expect(await profileOf(visitor.id)).toEqual(before);
  });

  it("is only for signed-in visitors", async () => {
    const signIn = await as(null, applyToSellAction)(application());
    expect(signIn).toMatchObject({ status: "error", message: "请先登录。" });
    for (const role of ["FARMER", "ORGANISER", "ADMIN"] as const) {
      const someone = await user(role);
      const result = await as(someone, applyToSellAction)(application());
      expect(result).toMatchObject({ status: "error", message: "您没有权限进行此操作。" });
      expect(await profileOf(someone.id)).toBeNull();
      expect(await roleOf(someone.id)).toBe(role);
    }
  });
});

describe("deciding applications", () => {
  it("approves: the profile becomes APPROVED and the visitor a FARMER, and the shop's cache expires", async () => {
    const { visitor, profileId } = await applicant();
    const result = await as(admin, approveApplicationAction)(form({ id: profileId }));
    expect(result).toMatchObject({ status: "success", data: { userId: visitor.id } });
    const profile = await profileOf(visitor.id);
    expect(profile).toMatchObject({ status: "APPROVED", decidedById: admin.id, rejectionReason: null });
    expect(profile?.decidedAt).toBeInstanceOf(Date);
    expect(await roleOf(visitor.id)).toBe("FARMER");
    expect(updateTag).toHaveBeenCalled();
  });

  it("tells the applicant each decision by mail, with the way on", async () => {
    const approved = await applicant();
    await as(admin, approveApplicationAction)(form({ id: approved.profileId }));
    const [approval] = await db.email.findMany({ where: { to: approved.visitor.email ?? "" } });
    expect(approval?.subject).toContain("申请已通过");
    expect(approval?.text).toMatch(/https?:\/\/\S+\/farmer\n/);

    const rejected = await applicant();
    await as(admin, rejectApplicationAction)(form({ id: rejected.profileId, reason: "请选择离您最近的工坊。" }));
    const mails = await db.email.findMany({ where: { to: rejected.visitor.email ?? "" } });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain("未通过");
    expect(mails[0]?.text).toContain("请选择离您最近的工坊。");
    expect(mails[0]?.text).toMatch(/https?:\/\/\S+\/farmer\/apply\n/);

    // A refused or repeated decision sends nothing more.
    await as(admin, rejectApplicationAction)(form({ id: rejected.profileId, reason: "再次" }));
    expect(await db.email.count({ where: { to: rejected.visitor.email ?? "" } })).toBe(1);
  });

  it("changes nothing on a second click, either way", async () => {
    const { visitor, profileId } = await applicant();
    await as(admin, approveApplicationAction)(form({ id: profileId }));
    const decided = await profileOf(visitor.id);
    const again = await as(admin, approveApplicationAction)(form({ id: profileId }));
    expect(again).toMatchObject({ status: "error", message: "这份申请已经处理过了。" });
    const rejectAfter = await as(admin, rejectApplicationAction)(form({ id: profileId, reason: "晚了" }));
    expect(rejectAfter).toMatchObject({ status: "error", message: "这份申请已经处理过了。" });
    expect(await profileOf(visitor.id)).toEqual(decided);
    expect(await roleOf(visitor.id)).toBe("FARMER");
  });

  it("rejects only with a reason, which the applicant then reads", async () => {
    const { visitor, profileId } = await applicant();
    const reject = as(admin, rejectApplicationAction);
    const noReason = await reject(form({ id: profileId, reason: "   " }));
    expect(noReason).toMatchObject({ status: "error", fields: { reason: "请填写拒绝理由，申请人会看到它。" } });
    const missing = await reject(form({ id: profileId }));
    expect(missing.status).toBe("error");
    expect((await profileOf(visitor.id))?.status).toBe("PENDING");

    const result = await reject(form({ id: profileId, reason: "  手机号无法接通，请核对后重新提交。 " }));
    expect(result.status).toBe("success");
    const seen = await findMyApplication(visitor.id);
    expect(seen).toMatchObject({ status: "REJECTED", rejectionReason: "手机号无法接通，请核对后重新提交。" });
    expect(await roleOf(visitor.id)).toBe("VISITOR");

    const second = await reject(form({ id: profileId, reason: "另一个理由" }));
    expect(second).toMatchObject({ status: "error", message: "这份申请已经处理过了。" });
    expect((await findMyApplication(visitor.id))?.rejectionReason).toBe("手机号无法接通，请核对后重新提交。");
  });

  it("lets a rejected applicant apply again: the same profile goes back to pending and can be approved", async () => {
    const { visitor, profileId } = await applicant();
    await as(admin, rejectApplicationAction)(form({ id: profileId, reason: "请选择离您最近的工坊。" }));
    const again = await as(
      visitor,
      applyToSellAction,
    )(application({ village: "祥里王村", workshopId: otherWorkshopId, phone: "13900000000" }));
    expect(again).toMatchObject({ status: "success", data: { id: profileId } });
    expect(await db.farmerProfile.count({ where: { userId: visitor.id } })).toBe(1);
    expect(await profileOf(visitor.id)).toMatchObject({
      id: profileId,
      status: "PENDING",
      village: "祥里王村",
      workshopId: otherWorkshopId,
      phone: "13900000000",
      rejectionReason: null,
      decidedAt: null,
      decidedById: null,
    });
    const approved = await as(admin, approveApplicationAction)(form({ id: profileId }));
    expect(approved.status).toBe("success");
    expect(await roleOf(visitor.id)).toBe("FARMER");
  });

  it("refuses visitors, farmers and organisers, and changes nothing", async () => {
    const { visitor, profileId } = await applicant();
    const before = await profileOf(visitor.id);
    for (const role of ["VISITOR", "FARMER", "ORGANISER"] as const) {
      const someone = role === "VISITOR" ? visitor : await user(role);
      const approve = await as(someone, approveApplicationAction)(form({ id: profileId }));
      const reject = await as(someone, rejectApplicationAction)(form({ id: profileId, reason: "不行" }));
      for (const result of [approve, reject]) {
        expect(result).toMatchObject({ status: "error", message: "您没有权限进行此操作。" });
      }
    }
    const stranger = await as(null, approveApplicationAction)(form({ id: profileId }));
    expect(stranger).toMatchObject({ status: "error", message: "请先登录。" });
    expect(await profileOf(visitor.id)).toEqual(before);
    expect(await roleOf(visitor.id)).toBe("VISITOR");
    expect(updateTag).not.toHaveBeenCalled();
  });

  it("never demotes an administrator or organiser: their application is refused and stays pending", async () => {
    for (const role of ["ADMIN", "ORGANISER"] as const) {
      const staff = await user(role);
      const profile = await db.farmerProfile.create({
        data: { userId: staff.id, workshopId, displayName: "兼职卖杨梅", village: "杜家村", phone: "13800000009" },
      });
      const result = await as(admin, approveApplicationAction)(form({ id: profile.id }));
      expect(result).toMatchObject({
        status: "error",
        message: "该账户是管理员或节庆主办方，不能改为农户身份。请让申请人使用游客账户申请。",
      });
      expect(await roleOf(staff.id)).toBe(role);
      expect(await profileOf(staff.id)).toMatchObject({ status: "PENDING", decidedAt: null, decidedById: null });
    }
  });

  it("answers an unknown application with not found", async () => {
    const result = await as(admin, approveApplicationAction)(form({ id: "no-such-application" }));
    expect(result).toMatchObject({ status: "error", message: "找不到该内容，可能已被删除。" });
  });
});
