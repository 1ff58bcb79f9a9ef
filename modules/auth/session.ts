import "server-only";
import { cookies } from "next/headers";
import { forbidden } from "next/navigation";
import { getServerSession } from "next-auth";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { redirect } from "@/lib/i18n/navigation";
import { authOptions } from "./options";
import { can, type Permission } from "./permissions";

export type CurrentUser = {
  id: string;
  /** Null for an account made with a phone number that has not added an e-mail. */
  email: string | null;
  name: string;
  role: "VISITOR" | "FARMER" | "ORGANISER" | "ADMIN";
};

/**
 * The signed-in user, read once per request. next-auth's jwt callback reads the
 * account from the database (options.ts), so a changed role counts at once and a
 * disabled account, a changed password or a deleted user is a stranger again.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Guests carry no session cookie: skip next-auth's work (most orders are placed by guests).
  const jar = await cookies();
  if (!jar.getAll().some((c) => c.name.includes("next-auth.session-token"))) return null;
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: sends a stranger to sign in (and back), answers 403 to a user without the permission. */
export async function requirePagePermission(permission: Permission, returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const locale = await getLocale();
    return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: returnTo } }, locale });
  }
  if (!can(user.role, permission)) forbidden();
  return user;
}
