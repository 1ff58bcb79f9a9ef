import { z } from "zod";
import { ROLES } from "@/modules/auth/permissions";

// Messages are catalogue keys, translated where shown.

const id = z.string("errors.notFound").trim().min(1, "errors.notFound").max(40, "errors.notFound");

export const changeRoleSchema = z.object({
  id,
  role: z.enum(ROLES, "adminUsers.errors.role"),
});

export const setDisabledSchema = z.object({
  id,
  disabled: z.enum(["true", "false"], "validation.invalid").transform((value) => value === "true"),
});
