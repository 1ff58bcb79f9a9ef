"use server";
import { consumeAll, consumeLimit, rateLimitedError, resetLimit } from "@/lib/rate-limit/limiter";
import { defineAction } from "@/modules/auth/guards";
import type { CurrentUser } from "@/modules/auth/session";
import { claimOrders } from "./claim-orders";
import { deleteAccount } from "./delete-account";
import { requestContactCode } from "./request-contact-code";
import {
  claimOrdersSchema,
  contactCodeSchema,
  contactSchema,
  deleteAccountSchema,
  profileSchema,
  textRemindersSchema,
} from "./schemas";
import { setTextReminders } from "./set-text-reminders";
import { updateProfile } from "./update-profile";
import { verifyContactCode } from "./verify-contact-code";

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

export const updateProfileAction = defineAction(
  { input: profileSchema, permission: "account.view" },
  async (input, { user }) => updateProfile(signedIn(user).id, input),
);

export const setTextRemindersAction = defineAction(
  { input: textRemindersSchema, permission: "account.view" },
  async (input, { user }) => setTextReminders(signedIn(user).id, input),
);

export const requestContactCodeAction = defineAction(
  { input: contactSchema, permission: "account.view" },
  async (contact, { user }) => {
    const me = signedIn(user);
    // Per account and per address: no one can flood an inbox or a phone with codes.
    const limited = await consumeAll([
      ["contactCode", `user:${me.id}`],
      ["contactCode", `to:${contact.channel}:${contact.address}`],
    ]);
    if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
    const { alreadyVerified } = await requestContactCode(me.id, contact);
    return { ...contact, alreadyVerified };
  },
);

export const verifyContactCodeAction = defineAction(
  { input: contactCodeSchema, permission: "account.view" },
  async (input, { user }) => verifyContactCode(signedIn(user).id, input),
);

// After signing in or up: the guest orders this browser placed join the account.
export const claimOrdersAction = defineAction(
  { input: claimOrdersSchema, permission: "account.view" },
  async ({ orders }, { user }) => claimOrders(signedIn(user).id, orders),
);

export const deleteAccountAction = defineAction(
  { input: deleteAccountSchema, permission: "account.view" },
  async ({ password, code }, { user }) => {
    const me = signedIn(user);
    // Trying passwords here is trying sign-ins: it counts against the account's sign-in limit.
    const key = me.email ?? `account:${me.id}`;
    const limited = await consumeLimit("signIn", key);
    if (!limited.ok) throw rateLimitedError(limited.retryAfterSeconds);
    const result = await deleteAccount(me.id, { password, code });
    await resetLimit("signIn", key);
    return result;
  },
);
