import { choiceField, type FilterValues, listFilter, textField } from "@/lib/list-filter";
import type { SearchParams } from "@/lib/search-params";
import { ROLES } from "@/modules/auth/permissions";

// The admin's user list: what the query string may ask for.

export const USER_STATES = ["active", "disabled"] as const;
export type UserState = (typeof USER_STATES)[number];

const usersFilter = listFilter({
  /** Part of the e-mail or the name. */
  q: textField("q"),
  role: choiceField("role", ROLES, { upperCase: true }),
  state: choiceField("state", USER_STATES),
});

export type UsersFilter = FilterValues<typeof usersFilter.fields> & { page: number };

/** Anything unknown in the query string is ignored rather than refused. */
export function parseUsersFilter(params: SearchParams): UsersFilter {
  const { filter, page } = usersFilter.parse(params);
  return { ...filter, page };
}

/** The filter as a query string, for the pager's links. */
export function usersQuery(filter: UsersFilter, page: number): string {
  return usersFilter.query(filter, page);
}
