import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/modules/auth/options";
import { withRoute } from "@/modules/auth/route-guard";
import { phoneSignInWithLimits, signInWithLimits } from "@/modules/auth/sign-in-limits";

// next-auth's own endpoints (sign-in, sign-out, session, CSRF token). Signing in
// with a password is rate limited, per account and per client address; with a
// phone number and a code, per client address (the code takes five guesses).
const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = withRoute("public", (request, ctx: Ctx) => handler(request as NextRequest, ctx));

export const POST = withRoute("public", async (request, ctx: Ctx) => {
  const { nextauth } = await ctx.params;
  const run = () => handler(request as NextRequest, ctx);
  const path = nextauth.join("/");
  if (path === "callback/credentials") return signInWithLimits(request, run);
  if (path === "callback/phone") return phoneSignInWithLimits(request, run);
  return run();
});
