import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { authenticate } from "./authenticate";

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
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { id: token.uid, name: token.name ?? "", email: token.email ?? "", role: token.role };
      }
      return session;
    },
  },
};
