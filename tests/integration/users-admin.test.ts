import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The actions ask next-auth who is signed in and next-intl for messages; here the
// test says who is signed in, and errors are translated with the Chinese catalogue.
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { apiTranslator } = await import("../../lib/i18n/api");
  return { getTranslations: async () => apiTranslator("zh-CN") };
});
vi.mock("next/cache", () => ({
  updateTag: vi.fn(),
  revalidateTag: vi.fn(),
  revalidatePath: vi.fn(),
  unstable_cache: <T>(fn: T) => fn,
}));

import zh from "../../messages/zh-CN.json";
import { AccountDisabledError, authenticate, sessionUser } from "../../modules/auth/authenticate";
import { hashPassword } from "../../modules/auth/password";
import { type CurrentUser, getCurrentUser } from "../../modules/auth/session";
import { changeRoleAction, setDisabledAction } from "../../modules/users/actions";
import { changeRole } from "../../modules/users/change-role";
import { testDb as db } from "../support/db";

const signedIn = vi.mocked(getCurrentUser);
const PASSWORD = "Bayberry-June-26";
const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const made: string[] = [];
let passwordHash: string;
let admin: CurrentUser;
let organiser: CurrentUser;
let visitor: CurrentUser;

const fields = { id: true, email: true, name: true, role: true } as const;

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  admin = await db.user.findUniqueOrThrow({ where: { email: "admin@suoqian.test" }, select: fields });
  organiser = await db.user.findUniqueOrThrow({ where: { email: "organiser@suoqian.test" }, select: fields });
  visitor = await db.user.findUniqueOrThrow({ where: { email: "visitor@suoqian.test" }, select: fields });
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { entityId: { in: made } } });
  await db.user.deleteMany({ where: { id: { in: made } } });
  await db.$disconnect();
});

async function account(role: CurrentUser["role"] = "VISITOR") {
  const user = await db.user.create({
    data: { email: `users-${unique()}@example.com`, name: `测试用户 ${unique()}`, passwordHash, role },
    select: { ...fields, sessionVersion: true },
  });
  made.push(user.id);
  return user;
}

const idle = { status: "idle" } as const;
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
};
function as(user: CurrentUser | null) {
  signedIn.mockResolvedValue(user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null);
}
const roleOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;
const audits = (id: string) => db.auditLog.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });

/**
 * Runs `body` while `keep` are the only enabled administrators: every other one is
 * disabled for the moment (and enabled again afterwards, whatever happens).
 */
async function withOnlyAdmins(keep: string[], body: () => Promise<void>) {
  const others = await db.user.findMany({
    where: { role: "ADMIN", disabledAt: null, id: { notIn: keep } },
    select: { id: true },
  });
  const ids = others.map((o) => o.id);
  await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: new Date() } });
  try {
    await body();
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { disabledAt: null } });
  }
}

describe("who may manage users", () => {
  it("lets only administrators change a role or disable an account; nothing changes for anyone else", async () => {
    const target = await account();
    const cases: [CurrentUser | null, string][] = [
      [null, zh.errors.signInRequired],
      [visitor, zh.errors.forbidden],
      [organiser, zh.errors.forbidden],
    ];
    for (const [who, message] of cases) {
      as(who);
      expect(await changeRoleAction(idle, form({ id: target.id, role: "ADMIN" }))).toMatchObject({
        status: "error",
        message,
      });
      expect(await setDisabledAction(idle, form({ id: target.id, disabled: "true" }))).toMatchObject({
        status: "error",
        message,
      });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "VISITOR",
      disabledAt: null,
      sessionVersion: target.sessionVersion,
    });
    expect(await audits(target.id)).toEqual([]);
  });
});

describe("changing a role", () => {
  it("counts at once, keeps the session, and is audited with the changed field", async () => {
    const target = await account();
    as(admin);
    const result = await changeRoleAction(idle, form({ id: target.id, role: "ORGANISER" }));
    expect(result).toEqual({ status: "success", data: { id: target.id, role: "ORGANISER", changed: true } });
    expect(await roleOf(target.id)).toBe("ORGANISER");
    expect(await sessionUser(target.id, target.sessionVersion)).toMatchObject({ role: "ORGANISER" });
    const [entry, ...more] = await audits(target.id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "user.role",
      entityType: "user",
      actorId: admin.id,
      actorEmail: admin.email,
      actorRole: "ADMIN",
      changes: { role: { from: "VISITOR", to: "ORGANISER" } },
    });
  });

  it("writes nothing when the role is already the one asked for", async () => {
    const target = await account("ORGANISER");
    as(admin);
    expect(await changeRoleAction(idle, form({ id: target.id, role: "ORGANISER" }))).toMatchObject({
      status: "success",
      data: { changed: false },
    });
    expect(await audits(target.id)).toEqual([]);
  });

  it("keeps a demoted organiser's festival links (the role alone grants the permission)", async () => {
    const target = await account("ORGANISER");
    const festival = await db.festival.findFirstOrThrow({ select: { id: true } });
    await db.festivalOrganiser.create({ data: { festivalId: festival.id, userId: target.id } });
    as(admin);
    expect((await changeRoleAction(idle, form({ id: target.id, role: "VISITOR" }))).status).toBe("success");
    expect(await roleOf(target.id)).toBe("VISITOR");
    expect(await db.festivalOrganiser.count({ where: { userId: target.id } })).toBe(1);
  });

  it("makes a farmer only of an account whose farmer application was approved", async () => {
    const target = await account();
    as(admin);
    expect(await changeRoleAction(idle, form({ id: target.id, role: "FARMER" }))).toMatchObject({
      status: "error",
      message: zh.adminUsers.errors.farmerNeedsApproval,
    });
    expect(await roleOf(target.id)).toBe("VISITOR");
    const workshop = await db.workshop.findFirstOrThrow({ select: { id: true } });
    await db.farmerProfile.create({
      data: {
        userId: target.id,
        workshopId: workshop.id,
        displayName: "测试果农",
        village: "杜家村",
        phone: "13800000000",
        status: "APPROVED",
      },
    });
    expect((await changeRoleAction(idle, form({ id: target.id, role: "FARMER" }))).status).toBe("success");
    expect(await roleOf(target.id)).toBe("FARMER");
  });

  it("answers an unknown account or role with a clear message and changes nothing", async () => {
    const target = await account();
    as(admin);
    expect(await changeRoleAction(idle, form({ id: "no-such-user", role: "ADMIN" }))).toMatchObject({
      status: "error",
      message: zh.errors.notFound,
    });
    expect(await changeRoleAction(idle, form({ id: target.id, role: "KING" }))).toMatchObject({
      status: "error",
      fields: { role: zh.adminUsers.errors.role },
    });
    expect(await changeRoleAction(idle, form({ id: target.id }))).toMatchObject({
      status: "error",
      fields: { role: zh.adminUsers.errors.role },
    });
    expect(await setDisabledAction(idle, form({ id: "no-such-user", disabled: "true" }))).toMatchObject({
      status: "error",
      message: zh.errors.notFound,
    });
    expect(await setDisabledAction(idle, form({ id: target.id, disabled: "maybe" }))).toMatchObject({
      status: "error",
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "VISITOR",
      disabledAt: null,
    });
    expect(await audits(target.id)).toEqual([]);
  });
});

describe("disabling an account", () => {
  it("ends its sessions at once and refuses the right password; enabling lets it sign in again", async () => {
    const target = await account();
    expect(await sessionUser(target.id, target.sessionVersion)).not.toBeNull();
    as(admin);
    expect(await setDisabledAction(idle, form({ id: target.id, disabled: "true" }))).toEqual({
      status: "success",
      data: { id: target.id, disabled: true, changed: true },
    });
    expect(await sessionUser(target.id, target.sessionVersion)).toBeNull();
    await expect(authenticate({ email: target.email, password: PASSWORD })).rejects.toBeInstanceOf(
      AccountDisabledError,
    );
    // A wrong password is still just wrong: nothing tells a guesser the account exists.
    expect(await authenticate({ email: target.email, password: "Wrong-Password-1" })).toBeNull();

    expect((await setDisabledAction(idle, form({ id: target.id, disabled: "false" }))).status).toBe("success");
    expect(await authenticate({ email: target.email, password: PASSWORD })).toMatchObject({ id: target.id });
    // The sessions from before the disabling stay ended.
    expect(await sessionUser(target.id, target.sessionVersion)).toBeNull();
    expect(await sessionUser(target.id, target.sessionVersion + 1)).not.toBeNull();

    const [disabled, enabled, ...more] = await audits(target.id);
    expect(more).toEqual([]);
    expect(disabled).toMatchObject({
      action: "user.disable",
      actorId: admin.id,
      changes: {
        disabledAt: { from: null, to: expect.any(String) },
        sessionVersion: { from: target.sessionVersion, to: target.sessionVersion + 1 },
      },
    });
    expect(enabled).toMatchObject({ action: "user.enable", changes: { disabledAt: { to: null } } });
    expect(enabled?.changes).not.toHaveProperty("sessionVersion");
  });

  it("writes nothing when the account is already disabled", async () => {
    const target = await account();
    as(admin);
    await setDisabledAction(idle, form({ id: target.id, disabled: "true" }));
    const after = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(await setDisabledAction(idle, form({ id: target.id, disabled: "true" }))).toMatchObject({
      status: "success",
      data: { changed: false },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(after);
    expect(await audits(target.id)).toHaveLength(1);
  });
});

describe("administrators", () => {
  it("cannot demote or disable themselves", async () => {
    const me = await account("ADMIN");
    as(me);
    for (const result of [
      await changeRoleAction(idle, form({ id: me.id, role: "VISITOR" })),
      await setDisabledAction(idle, form({ id: me.id, disabled: "true" })),
    ]) {
      expect(result).toMatchObject({ status: "error", message: zh.adminUsers.errors.self });
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: me.id } })).toMatchObject({
      role: "ADMIN",
      disabledAt: null,
    });
    expect(await audits(me.id)).toEqual([]);
  });

  it("never demote or disable the last enabled administrator, even from a session that is out of date", async () => {
    const last = await account("ADMIN");
    // The seeded admin's session still says ADMIN while the account is disabled (a
    // request that began just before): the rule holds in the transaction regardless.
    await withOnlyAdmins([last.id], async () => {
      as(admin);
      for (const result of [
        await changeRoleAction(idle, form({ id: last.id, role: "ORGANISER" })),
        await setDisabledAction(idle, form({ id: last.id, disabled: "true" })),
      ]) {
        expect(result).toMatchObject({ status: "error", message: zh.adminUsers.errors.lastAdmin });
      }
      expect(await db.user.findUniqueOrThrow({ where: { id: last.id } })).toMatchObject({
        role: "ADMIN",
        disabledAt: null,
      });
    });
    expect(await audits(last.id)).toEqual([]);
    // With another administrator enabled again, the same change goes through.
    expect((await changeRoleAction(idle, form({ id: last.id, role: "ORGANISER" }))).status).toBe("success");
  });

  it("who demote each other at the same moment: one succeeds, the other is refused as the last", async () => {
    const a = await account("ADMIN");
    const b = await account("ADMIN");
    await withOnlyAdmins([a.id, b.id], async () => {
      const results = await Promise.allSettled([changeRole(a, b.id, "VISITOR"), changeRole(b, a.id, "VISITOR")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected");
      expect(refused?.status === "rejected" && refused.reason).toMatchObject({ key: "adminUsers.errors.lastAdmin" });
      expect(await db.user.count({ where: { id: { in: [a.id, b.id] }, role: "ADMIN" } })).toBe(1);
    });
  });
});
