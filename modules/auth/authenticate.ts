import "server-only";
import { db } from "@/lib/db";
import { timingDummyHash, verifyPassword } from "./password";
import { credentialsSchema } from "./schemas";

export type AuthenticatedUser = {
  id: string;
  email: string;
  name: string;
  role: "VISITOR" | "FARMER" | "ORGANISER" | "ADMIN";
};

/** Checks an email and password; null for any failure, without saying which part was wrong. */
export async function authenticate(input: unknown): Promise<AuthenticatedUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db.user.findUnique({
    where: { email: parsed.data.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash ?? (await timingDummyHash()), parsed.data.password);
  if (!user || !ok) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}
