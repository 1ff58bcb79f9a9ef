import type { Role } from "@/generated/prisma/sqlite/enums";

// Who may do what: the one table every server action, route handler and
// protected page consults. Add a permission here before using it anywhere.
export const PERMISSIONS = {
  "account.view": ["VISITOR", "FARMER", "ORGANISER", "ADMIN"],
  "trips.manage": ["VISITOR", "FARMER", "ORGANISER", "ADMIN"],
  "farmer.apply": ["VISITOR"],
  "products.manageOwn": ["FARMER"],
  "farmerOrders.manageOwn": ["FARMER"],
  "festivals.manage": ["ORGANISER", "ADMIN"],
  "bookings.manage": ["ORGANISER", "ADMIN"],
  "checkIn.perform": ["ORGANISER"],
  "routes.manage": ["ADMIN"],
  "workshops.manage": ["ADMIN"],
  "farmers.approve": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "orders.viewAll": ["ADMIN"],
  "orders.refundLines": ["ADMIN"],
  "payments.reconcile": ["ADMIN"],
  "outbox.read": ["ADMIN"],
  "audit.read": ["ADMIN"],
  "audit.readOwnFestivals": ["ORGANISER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const ROLES = ["VISITOR", "FARMER", "ORGANISER", "ADMIN"] as const satisfies readonly Role[];

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Where each role starts after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  VISITOR: "/account",
  FARMER: "/farmer",
  ORGANISER: "/organiser",
  ADMIN: "/admin",
};
