import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES } from "./permissions";

describe("permissions table", () => {
  it("lets nobody without a role do anything", () => {
    for (const permission of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) {
      expect(can(null, permission)).toBe(false);
    }
  });

  it("keeps the back offices apart", () => {
    expect(ROLES.filter((r) => can(r, "users.manage"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "routes.manage"))).toEqual(["ADMIN"]);
    expect(ROLES.filter((r) => can(r, "products.manageOwn"))).toEqual(["FARMER"]);
    expect(ROLES.filter((r) => can(r, "checkIn.perform"))).toEqual(["ORGANISER"]);
    expect(ROLES.filter((r) => can(r, "festivals.manage"))).toEqual(["ORGANISER", "ADMIN"]);
  });

  it("lets every signed-in role see its own account", () => {
    expect(ROLES.every((r) => can(r, "account.view"))).toBe(true);
  });
});
