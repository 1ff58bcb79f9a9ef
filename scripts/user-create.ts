// `npm run user:create -- --email … --role admin|organiser|farmer|visitor [--name …] [--password-stdin] [--update]`
// Makes an account from the command line, above all the first administrator of a
// database without demo data. Asks for the password twice without echoing it, or
// reads it from standard input (--password-stdin) for scripts. A taken e-mail is
// refused unless --update is given, which sets that account's role and password,
// enables it and ends its sessions.
import os from "node:os";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { loadConfig } from "../lib/config";
import { createPrismaClient, type Db } from "../lib/db-client";
import { isUniqueViolation } from "../lib/db-errors";
// Types only: modules/audit/record-audit.ts is server-only, so the entry is written here
// in the same shape (see auditRow).
import type { AuditActor, AuditEntry } from "../modules/audit/record-audit";
import { hashPassword, type PasswordProblem, passwordProblem } from "../modules/auth/password";
import { emailSchema } from "../modules/auth/schemas";
import { isLastEnabledAdmin, lockAccounts } from "../modules/users/admins";

/** A refusal: printed as one line, exit code 1, nothing written. */
class Refusal extends Error {}

const ROLE_NAMES = { admin: "ADMIN", organiser: "ORGANISER", farmer: "FARMER", visitor: "VISITOR" } as const;
type Role = (typeof ROLE_NAMES)[keyof typeof ROLE_NAMES];

const PASSWORD_PROBLEMS: Record<PasswordProblem, string> = {
  tooShort: "The password is too short: at least 8 characters.",
  tooLong: "The password is too long: at most 128 characters.",
  weak: "The password is too easy to guess: mix letters, digits or symbols, and avoid common passwords and the e-mail's name.",
};

function readOptions() {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new Refusal(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (!values.email) throw new Refusal("Missing --email.");
  const email = emailSchema.safeParse(values.email);
  if (!email.success) throw new Refusal(`Not an e-mail address: ${values.email}`);
  const roleName = values.role?.toLowerCase() ?? "";
  if (!Object.hasOwn(ROLE_NAMES, roleName)) {
    throw new Refusal(
      `--role must be one of ${Object.keys(ROLE_NAMES).join(", ")}${values.role ? `, not "${values.role}"` : ""}.`,
    );
  }
  const name = values.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 60))
    throw new Refusal("--name must be 1 to 60 characters.");
  return {
    email: email.data,
    role: ROLE_NAMES[roleName as keyof typeof ROLE_NAMES] as Role,
    name,
    passwordStdin: values["password-stdin"] ?? false,
    update: values.update ?? false,
  };
}

function parse() {
  return parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string" },
      name: { type: "string" },
      "password-stdin": { type: "boolean" },
      update: { type: "boolean" },
    },
    strict: true,
    allowPositionals: false,
  });
}

/** The first line of standard input (so `echo` and `printf` both work). */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Asks twice on the terminal; what is typed is not echoed. */
async function passwordFromTerminal(): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new Refusal("No terminal to ask for the password on: pipe it in and add --password-stdin.");
  }
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  const terminal = createInterface({ input: process.stdin, output, terminal: true });
  terminal.on("SIGINT", () => {
    process.stdout.write("\n");
    process.exit(130);
  });
  const ask = (prompt: string) =>
    new Promise<string>((resolve) => {
      process.stdout.write(prompt);
      muted = true;
      terminal.question("", (answer) => {
        muted = false;
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  try {
    const first = await ask("Password: ");
    const second = await ask("Password again: ");
    if (first !== second) throw new Refusal("The two passwords differ; nothing was written.");
    return first;
  } finally {
    terminal.close();
  }
}

/**
 * Who the audit log names. The command line has no signed-in user, and the account
 * it writes did not author its own creation, so the entry has no actorId; the
 * author is whoever holds a shell and the database's credentials, named by the OS
 * account and host, with the role ADMIN (the column needs one, and that power is
 * at least an administrator's).
 */
function cliActor(): { email: string; role: AuditActor["role"] } {
  let who = "unknown";
  try {
    who = os.userInfo().username;
  } catch {
    // No passwd entry for this uid (some containers).
  }
  return { email: `cli:${who}@${os.hostname()}`, role: "ADMIN" };
}

/** The row recordAudit (modules/audit/record-audit.ts) would write, without an actorId. */
function auditRow(entry: AuditEntry) {
  const actor = cliActor();
  return {
    actorId: null,
    actorEmail: actor.email,
    actorRole: actor.role,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    festivalId: null,
    changes: entry.changes === undefined ? undefined : (JSON.parse(JSON.stringify(entry.changes)) as object),
  };
}

type Options = ReturnType<typeof readOptions>;

async function create(db: Db, options: Options, passwordHash: string): Promise<string> {
  const name = options.name ?? options.email.split("@")[0] ?? options.email;
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: options.email, name, passwordHash, role: options.role },
        select: { id: true },
      });
      await tx.auditLog.create({
        data: auditRow({
          action: "user.create",
          entityType: "user",
          entityId: user.id,
          changes: { email: options.email, name, role: options.role },
        }),
      });
      return user.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Refusal(`${options.email} was taken meanwhile; nothing was written.`);
    throw error;
  }
}

async function update(
  db: Db,
  provider: "sqlite" | "postgresql",
  id: string,
  options: Options,
  passwordHash: string,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const enabledAdmins = await lockAccounts(tx, id, provider);
    const fields = { role: true, name: true, disabledAt: true, sessionVersion: true } as const;
    const before = await tx.user.findUniqueOrThrow({ where: { id }, select: fields });
    if (before.role === "ADMIN" && options.role !== "ADMIN" && isLastEnabledAdmin(enabledAdmins, id)) {
      throw new Refusal(`${options.email} is the last enabled administrator; make another one first.`);
    }
    const after = await tx.user.update({
      where: { id },
      data: {
        role: options.role,
        passwordHash,
        ...(options.name ? { name: options.name } : {}),
        disabledAt: null,
        sessionVersion: { increment: 1 },
      },
      select: fields,
    });
    const changes: Record<string, unknown> = { password: "replaced" };
    for (const field of ["role", "name", "disabledAt", "sessionVersion"] as const) {
      const from = before[field] instanceof Date ? before[field].toISOString() : before[field];
      const to = after[field] instanceof Date ? after[field].toISOString() : after[field];
      if (from !== to) changes[field] = { from, to };
    }
    await tx.auditLog.create({
      data: auditRow({ action: "user.update", entityType: "user", entityId: id, changes }),
    });
  });
}

async function main() {
  const options = readOptions();
  const config = loadConfig();
  const db = createPrismaClient(config.database);
  try {
    const existing = await db.user.findUnique({ where: { email: options.email }, select: { id: true } });
    if (existing && !options.update) {
      throw new Refusal(`${options.email} has an account already; add --update to set its role and password.`);
    }
    const password = options.passwordStdin ? await passwordFromStdin() : await passwordFromTerminal();
    const problem = passwordProblem(password, options.email);
    if (problem) throw new Refusal(PASSWORD_PROBLEMS[problem]);
    const passwordHash = await hashPassword(password);
    const role = options.role.toLowerCase();
    let id = existing?.id;
    if (id) {
      await update(db, config.database.provider, id, options, passwordHash);
      console.log(
        `✔ Updated ${options.email}: ${role}, new password, enabled; its older sessions have ended (${config.database.provider}).`,
      );
    } else {
      id = await create(db, options, passwordHash);
      console.log(
        `✔ Created ${options.email} (${role}, id ${id}) on ${config.database.provider}; sign in at ${config.siteUrl}/sign-in`,
      );
    }
    const profile = await db.farmerProfile.findUnique({ where: { userId: id }, select: { status: true } });
    if (options.role === "FARMER" && profile?.status !== "APPROVED") {
      console.log(
        "  Note: this account has no approved farmer profile, so it cannot sell yet (and only visitors may apply). To bring in a farmer, create a visitor: they apply at /farmer/apply and an administrator approves them at /admin/farmers.",
      );
    }
  } finally {
    await db.$disconnect();
  }
}

// A refusal, a bad setting (ConfigError) or a database failure: one line, exit 1.
main().catch((error: unknown) => {
  console.error(`✖ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
