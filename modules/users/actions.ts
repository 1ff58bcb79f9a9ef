"use server";
import { defineAction } from "@/modules/auth/guards";
import type { CurrentUser } from "@/modules/auth/session";
import { changeRole } from "./change-role";
import { changeRoleSchema, setDisabledSchema } from "./schemas";
import { setDisabled } from "./set-disabled";

// The admin's user management (users.manage): roles, disabling and enabling.

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

export const changeRoleAction = defineAction(
  { input: changeRoleSchema, permission: "users.manage" },
  async ({ id, role }, { user }) => changeRole(signedIn(user), id, role),
);

export const setDisabledAction = defineAction(
  { input: setDisabledSchema, permission: "users.manage" },
  async ({ id, disabled }, { user }) => setDisabled(signedIn(user), id, disabled),
);
