import { oneOf, pageParam, queryString, type SearchParams, searchText } from "@/lib/search-params";
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

/** Anything unknown in the query string is ignored rather than refused. */
export function parseUsersFilter(params: SearchParams): UsersFilter {
  return {
    q: searchText(params),
    role: oneOf(params, "role", ROLES, (v) => v.toUpperCase()),
    state: oneOf(params, "state", USER_STATES),
    page: pageParam(params),
  };
}

/** The filter as a query string, for the pager's links. */
export function usersQuery(filter: UsersFilter, page: number): string {
  return queryString({
    q: filter.q,
    role: filter.role?.toLowerCase(),
    state: filter.state,
    page: page > 1 && String(page),
  });
}
