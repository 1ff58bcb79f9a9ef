import type { FieldErrors } from "./user-error";

/** What a server action answers a form (modules/auth/guards.ts#defineAction builds every action). */
export type ActionState<T> =
  | { status: "idle" }
  | { status: "error"; message: string; fields: FieldErrors; values: Record<string, string> }
  | { status: "success"; data: T };
