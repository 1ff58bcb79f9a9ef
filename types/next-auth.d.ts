import type { Role } from "@/generated/prisma/sqlite/enums";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; email: string | null; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** The account's session version when this session began (see User.sessionVersion). */
    sv?: number;
  }
}
