"use server";
import { headers } from "next/headers";
import { after } from "next/server";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { clientAddress } from "@/lib/client-address";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { consumeLimit, rateLimitedError, resetLimit } from "@/lib/rate-limit/limiter";
import { changePassword } from "./change-password";
import { defineAction } from "./guards";
import { sendPasswordChangedNotice } from "./password-changed-notice";
import { requestPasswordReset, resetPassword } from "./password-reset";
import { changePasswordSchema, passwordResetRequestSchema, resetPasswordSchema, signUpSchema } from "./schemas";
import type { CurrentUser } from "./session";
import { confirmSignUp, requestSignUp } from "./sign-up";

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

/**
 * Signing up: the same answer for a new address and a taken one ("open the link we
 * mailed"); the mail goes after the answer, so its timing tells nothing either. Past the
 * per-address mail limit nothing more is sent, and the answer still does not change.
 */
export const signUpAction = defineAction({ input: signUpSchema, permission: "public" }, async (input) => {
  const limited = await consumeLimit("signUp", clientAddress(await headers()));
  if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
  const perEmail = await consumeLimit("passwordResetEmail", input.email);
  if (perEmail.ok) {
    const locale = await getLocale();
    after(() => requestSignUp(input, isLocale(locale) ? locale : defaultLocale));
  }
  return { email: input.email };
});

/** The link of a sign-up makes its account (a button on the page: a mail scanner opening the link makes nothing). */
export const confirmSignUpAction = defineAction(
  { input: z.object({ token: z.string().min(1).max(128) }), permission: "public" },
  async ({ token }) => confirmSignUp(token),
);

export const changePasswordAction = defineAction(
  { input: changePasswordSchema, permission: "account.view" },
  async (input, { user }) => {
    const me = signedIn(user);
    // Trying current passwords here is trying sign-ins: it counts against the
    // account's sign-in limit, and the right password clears it, as signing in does.
    const key = me.email ?? `account:${me.id}`;
    const limited = await consumeLimit("signIn", key);
    if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
    const { email } = await changePassword(me.id, input);
    await resetLimit("signIn", key);
    after(() => sendPasswordChangedNotice(me.id));
    return { email };
  },
);

export const requestPasswordResetAction = defineAction(
  { input: passwordResetRequestSchema, permission: "public" },
  async ({ email }) => {
    const limited = await consumeLimit("passwordReset", clientAddress(await headers()));
    if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
    // Past the per-e-mail limit nothing more is sent, but the answer stays the same:
    // a refusal would tell that someone asked about this address.
    const perEmail = await consumeLimit("passwordResetEmail", email);
    if (perEmail.ok) {
      const locale = await getLocale();
      // After the answer, so its timing cannot tell whether the account exists.
      after(() => requestPasswordReset(email, isLocale(locale) ? locale : defaultLocale));
    }
    return { email };
  },
);

export const resetPasswordAction = defineAction({ input: resetPasswordSchema, permission: "public" }, async (input) => {
  const { userId, email } = await resetPassword(input.token, input.newPassword);
  // A lock-out that failed sign-ins caused ends with the new password.
  if (email) await resetLimit("signIn", email);
  after(() => sendPasswordChangedNotice(userId));
  return { reset: true };
});
