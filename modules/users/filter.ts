import { ROLES } from "@/modules/auth/permissions";

// The admin's user list: what the query string may ask for.

export const USER_STATES = ["active", "disabled"] as const;
export type UserState = (typeof USER_STATES)[number];
type Role = (typeof ROLES)[number];

export type UsersFilter = {
  /** Part of the e-mail or the name. */
  q?: string;
  role?: Role;
  state?: UserState;
  page: number;
};

type Params = Record<string, string | string[] | undefined>;

function one(params: Params, key: string): string | undefined {
  const value = params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first ? first : undefined;
}

/** Anything unknown in the query string is ignored rather than refused. */
export function parseUsersFilter(params: Params): UsersFilter {
  const role = one(params, "role")?.toUpperCase();
  const state = one(params, "state");
  const page = Number(one(params, "page") ?? "1");
  return {
    q: one(params, "q")?.trim().slice(0, 100) || undefined,
    role: ROLES.includes(role as Role) ? (role as Role) : undefined,
    state: USER_STATES.includes(state as UserState) ? (state as UserState) : undefined,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The filter as a query string, for the pager's links. */
export function usersQuery(filter: UsersFilter, page: number): string {
  const query = new URLSearchParams();
  if (filter.q) query.set("q", filter.q);
  if (filter.role) query.set("role", filter.role.toLowerCase());
  if (filter.state) query.set("state", filter.state);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `?${text}` : "";
}
