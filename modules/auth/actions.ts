"use server";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientAddress } from "@/lib/client-address";
import { consumeLimit, rateLimitedError } from "@/modules/security/rate-limit";
import { defineAction } from "./guards";
import { signUpSchema } from "./schemas";
import { signUpVisitor } from "./sign-up";

export const signUpAction = defineAction({ input: signUpSchema, permission: "public" }, async (input) => {
  const limited = await consumeLimit("signUp", clientAddress(await headers()));
  if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
  const user = await signUpVisitor(input, await getLocale());
  return { email: user.email };
});
