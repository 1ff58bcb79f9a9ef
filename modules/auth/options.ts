import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authenticate, sessionUser } from "./authenticate";
import { authorizePhone } from "./phone-sign-in";

// next-auth v4 derives its base URL, and whether cookies are Secure, from
// NEXTAUTH_URL. Without one it would assume https; default to the local server.
process.env.NEXTAUTH_URL ??= env.nextAuthUrl ?? `http://localhost:${env.port}`;

export const authOptions: NextAuthOptions = {
  secret: env.authSecret,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (credentials) => authenticate(credentials),
    }),
    // A mainland mobile number and the code texted to it (phone-codes.ts); the first
    // sign-in makes the account.
    CredentialsProvider({
      id: "phone",
      name: "phone",
      credentials: {
        phone: { type: "tel" },
        code: { type: "text" },
        privacyConsent: { type: "text" },
        locale: { type: "text" },
      },
      authorize: (credentials) => authorizePhone(credentials),
    }),
  ],
  callbacks: {
    // Every read of a session checks the account again (one indexed read): a role
    // change counts at once, and a disabled account, a changed password or a
    // deleted user ends the session everywhere.
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        return token;
      }
      if (!token.uid) return token;
      const current = await sessionUser(token.uid, token.sv ?? 0);
      if (!current) return {};
      token.role = current.role;
      token.name = current.name;
      token.email = current.email;
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? null, role: token.role };
      } else {
        // An ended session: no user, as for a stranger.
        delete (session as { user?: unknown }).user;
      }
      return session;
    },
  },
};
