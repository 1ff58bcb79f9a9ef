import { describe, expect, it } from "vitest";
import { groupHolds, type HeldRow, maskPhone } from "./hold-groups";

const at = (minute: number) => new Date(Date.UTC(2027, 5, 1, 2, minute));

let n = 0;
function row(clientAddress: string | null, seats: number, more: Partial<HeldRow> = {}): HeldRow {
  n++;
  return {
    orderId: `order-${n}`,
    clientAddress,
    phoneVerified: false,
    customerPhone: `139${String(n).padStart(8, "0")}`,
    seats,
    heldAt: at(n % 60),
    ...more,
  };
}

describe("maskPhone", () => {
  it("keeps the first three and last four digits of a mobile number", () => {
    expect(maskPhone("13900000001")).toBe("139****0001");
    expect(maskPhone("139-0000-0001")).toBe("139****0001");
  });

  it("hides a short or erased number whole", () => {
    expect(maskPhone("")).toBe("****");
    expect(maskPhone("12345")).toBe("****");
  });
});

describe("groupHolds", () => {
  it("counts orders, seats, unverified orders and the first and last hold per address", () => {
    const rows = [
      row("203.0.113.7", 2, { orderId: "a", heldAt: at(5) }),
      // A second line of the same order: one order, its seats added.
      row("203.0.113.7", 3, { orderId: "a", heldAt: at(5) }),
      row("203.0.113.7", 1, { orderId: "b", heldAt: at(1), phoneVerified: true }),
      row("203.0.113.7", 4, { orderId: "c", heldAt: at(9) }),
      row("198.51.100.2", 1, { orderId: "d", phoneVerified: true }),
    ];
    const { groups, total } = groupHolds(rows);
    expect(total).toBe(2);
    expect(groups[0]).toMatchObject({
      clientAddress: "203.0.113.7",
      orders: 3,
      seats: 10,
      unverifiedOrders: 2,
      unverifiedSeats: 9,
      firstHeldAt: at(1),
      lastHeldAt: at(9),
    });
    expect(groups[1]).toMatchObject({ clientAddress: "198.51.100.2", orders: 1, seats: 1, unverifiedOrders: 0 });
  });

  it("puts the largest groups first and orders without an address after equal ones", () => {
    const rows = [
      row(null, 2),
      row("192.0.2.1", 1),
      row("192.0.2.2", 2),
      row("192.0.2.3", 5),
      row("2001:db8:0:1::/64", 2),
    ];
    expect(groupHolds(rows).groups.map((g) => g.clientAddress)).toEqual([
      "192.0.2.3",
      "192.0.2.2",
      "2001:db8:0:1::/64",
      null,
      "192.0.2.1",
    ]);
  });

  it("shows only the first groups and says how many there are", () => {
    const rows = Array.from({ length: 25 }, (_, i) => row(`192.0.2.${i}`, i + 1));
    const { groups, total } = groupHolds(rows);
    expect(total).toBe(25);
    expect(groups).toHaveLength(20);
    expect(groups[0]?.clientAddress).toBe("192.0.2.24");
  });

  it("shows a few masked numbers and counts the rest", () => {
    const rows = Array.from({ length: 8 }, (_, i) => row("192.0.2.9", 1, { customerPhone: `1390000000${i}` }));
    const [group] = groupHolds(rows).groups;
    expect(group?.phones).toEqual(["139****0000", "139****0001", "139****0002", "139****0003", "139****0004"]);
    expect(group?.otherPhones).toBe(3);
  });
});
