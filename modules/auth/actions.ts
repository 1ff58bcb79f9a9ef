"use server";
import { getLocale } from "next-intl/server";
import { defineAction } from "./guards";
import { signUpSchema } from "./schemas";
import { signUpVisitor } from "./sign-up";

export const signUpAction = defineAction({ input: signUpSchema, permission: "public" }, async (input) => {
  const user = await signUpVisitor(input, await getLocale());
  return { email: user.email };
});
