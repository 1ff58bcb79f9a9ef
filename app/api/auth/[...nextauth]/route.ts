import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/modules/auth/options";
import { withRoute } from "@/modules/auth/route-guard";
import { signInWithLimits } from "@/modules/auth/sign-in-limits";

// next-auth's own endpoints (sign-in, sign-out, session, CSRF token). Signing in
// with a password is rate limited, per account and per client address.
const handler = NextAuth(authOptions);

type Ctx = { params: Promise<{ nextauth: string[] }> };

export const GET = withRoute("public", (request, ctx: Ctx) => handler(request as NextRequest, ctx));

export const POST = withRoute("public", async (request, ctx: Ctx) => {
  const { nextauth } = await ctx.params;
  const run = () => handler(request as NextRequest, ctx);
  return nextauth.join("/") === "callback/credentials" ? signInWithLimits(request, run) : run();
});
