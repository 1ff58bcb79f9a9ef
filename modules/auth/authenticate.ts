import "server-only";
import { db } from "@/lib/db";
import { timingDummyHash, verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";

export type AuthenticatedUser = {
  id: string;
  email: string | null;
  name: string;
  role: "VISITOR" | "FARMER" | "ORGANISER" | "ADMIN";
  sessionVersion: number;
};

/** The right password for an account an administrator has disabled. */
export class AccountDisabledError extends Error {
  constructor() {
    super("AccountDisabled");
  }
}

/**
 * Checks an email and password; null for any failure, without saying which part
 * was wrong. A disabled account is refused with AccountDisabledError, and only
 * after its password was right, so the answer reveals nothing to a guesser.
 */
export async function authenticate(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      disabledAt: true,
      sessionVersion: true,
    },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), parsed.data.password);
  if (!user || !ok) return null;
  if (user.disabledAt) throw new AccountDisabledError();
  return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * The user a session token stands for, read afresh: null once the account is
 * gone or disabled, or when the token predates a password change (its session
 * version is older), so those sessions end at once.
 */
export async function sessionUser(id: string, sessionVersion: number) {
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
