import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { authenticate, sessionUser } from "../../modules/auth/authenticate";
import { bin, root } from "../../scripts/lib/run";
import { testDb as db, demoPassword } from "../support/db";

// `npm run user:create` against this run's database (SQLite, then PostgreSQL): the
// first administrator of a database without demo data.

const unique = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const emails: string[] = [];

afterAll(async () => {
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { id: true } });
  await db.auditLog.deleteMany({ where: { entityId: { in: users.map((u) => u.id) } } });
  await db.user.deleteMany({ where: { email: { in: emails } } });
  await db.$disconnect();
});

type Run = { code: number | null; stdout: string; stderr: string };

function userCreate(args: string[], stdin?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["scripts/user-create.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

const newEmail = () => {
  const email = `cli-${unique()}@example.com`;
  emails.push(email);
  return email;
};

async function auditFor(email: string) {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } });
}

describe("npm run user:create", () => {
  it("makes an administrator who can sign in, recorded in the audit log as written from the command line", async () => {
    const email = newEmail();
    const run = await userCreate(
      ["--email", email.toUpperCase(), "--role", "admin", "--password-stdin"],
      "Bayberry-June-26\n",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout.trim().split("\n")).toHaveLength(1);
    expect(run.stdout).toContain(`Created ${email} (admin`);
    expect(await authenticate({ email, password: "Bayberry-June-26" })).toMatchObject({
      email,
      role: "ADMIN",
      name: email.split("@")[0],
    });
    const [entry, ...more] = await auditFor(email);
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ action: "user.create", entityType: "user", actorId: null, actorRole: "ADMIN" });
    expect(entry?.actorEmail).toMatch(/^cli:/);
    expect(entry?.changes).toMatchObject({ email, role: "ADMIN" });
  });

  it("takes the name given, and says a farmer made here still needs an approved profile", async () => {
    const email = newEmail();
    const run = await userCreate(
      ["--email", email, "--role", "farmer", "--name", "杜家果农", "--password-stdin"],
      "Bayberry-June-26",
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("no approved farmer profile");
    expect(await db.user.findUnique({ where: { email }, select: { name: true, role: true } })).toEqual({
      name: "杜家果农",
      role: "FARMER",
    });
  });

  it("refuses a weak password, a bad role and a missing terminal in one line each, and writes nothing", async () => {
    const email = newEmail();
    const audits = await db.auditLog.count();
    const runs = [
      await userCreate(["--email", email, "--role", "admin", "--password-stdin"], "password\n"),
      await userCreate(["--email", email, "--role", "admin", "--password-stdin"], "short\n"),
      await userCreate(["--email", email, "--role", "king", "--password-stdin"], "Bayberry-June-26\n"),
      await userCreate(["--email", "not-an-email", "--role", "admin", "--password-stdin"], "Bayberry-June-26\n"),
      // Without --password-stdin it would ask on a terminal, and there is none.
      await userCreate(["--email", email, "--role", "admin"]),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/^✖ /);
    }
    expect(runs[0]?.stderr).toContain("too easy to guess");
    expect(runs[1]?.stderr).toContain("too short");
    expect(runs[2]?.stderr).toContain('not "king"');
    expect(runs[4]?.stderr).toContain("--password-stdin");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("refuses a taken e-mail without --update and changes nothing", async () => {
    const before = await db.user.findUniqueOrThrow({
      where: { email: "visitor@suoqian.test" },
      select: { role: true, sessionVersion: true },
    });
    const audits = await db.auditLog.count();
    const run = await userCreate(
      ["--email", "visitor@suoqian.test", "--role", "admin", "--password-stdin"],
      "Bayberry-June-26\n",
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^✖ visitor@suoqian.test has an account already; add --update/);
    expect(
      await db.user.findUniqueOrThrow({
        where: { email: "visitor@suoqian.test" },
        select: { role: true, sessionVersion: true },
      }),
    ).toEqual(before);
    expect(await authenticate({ email: "visitor@suoqian.test", password: demoPassword })).toMatchObject({
      role: "VISITOR",
    });
    expect(await db.auditLog.count()).toBe(audits);
  });

  it("with --update sets the role and password, enables the account and ends its sessions", async () => {
    const email = newEmail();
    expect(
      (await userCreate(["--email", email, "--role", "visitor", "--password-stdin"], "Bayberry-June-26\n")).code,
    ).toBe(0);
    const user = await db.user.update({
      where: { email },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
      select: { id: true, sessionVersion: true },
    });
    const run = await userCreate(
      ["--email", email, "--role", "organiser", "--password-stdin", "--update"],
      "Cherry-April-27\n",
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain(`Updated ${email}: organiser`);
    expect(await authenticate({ email, password: "Bayberry-June-26" })).toBeNull();
    expect(await authenticate({ email, password: "Cherry-April-27" })).toMatchObject({ role: "ORGANISER" });
    expect(await sessionUser(user.id, user.sessionVersion)).toBeNull();
    const entries = await auditFor(email);
    expect(entries.map((e) => e.action)).toEqual(["user.create", "user.update"]);
    expect(entries[1]?.changes).toMatchObject({
      role: { from: "VISITOR", to: "ORGANISER" },
      disabledAt: { to: null },
      sessionVersion: { from: user.sessionVersion, to: user.sessionVersion + 1 },
      password: "replaced",
    });
  });
});
