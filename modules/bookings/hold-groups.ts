// Unpaid holds of one session grouped by the client address their orders came from, so
// an organiser can tell a crowd of buyers from one script holding seats under made-up
// numbers. Pure: the query reads the rows, the page lays the groups out.

/** One active hold of the session, with what its order says about the buyer. */
export type HeldRow = {
  orderId: string;
  clientAddress: string | null;
  phoneVerified: boolean;
  customerPhone: string;
  seats: number;
  heldAt: Date;
};

export type HoldGroup = {
  /** The address key the orders came from; null for orders that recorded none (e.g. waiting-list offers). */
  clientAddress: string | null;
  orders: number;
  seats: number;
  /** Orders whose buyer did not prove the number by an SMS code, and the seats they hold. */
  unverifiedOrders: number;
  unverifiedSeats: number;
  firstHeldAt: Date;
  lastHeldAt: Date;
  /** Masked numbers (139****0001), the first few in order; `otherPhones` more are not shown. */
  phones: string[];
  otherPhones: number;
};

/** A group as the browser gets it: its times already written out in the page's language. */
export type HoldGroupView = Omit<HoldGroup, "firstHeldAt" | "lastHeldAt"> & { firstHeldAt: string; lastHeldAt: string };

export const HOLD_GROUPS_SHOWN = 20;
const PHONES_SHOWN = 5;

/** 13900000001 → 139****0001: enough to see made-up runs of numbers, not enough to call anyone. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 8) return "****";
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

type Tally = Omit<HoldGroup, "phones" | "otherPhones"> & {
  orderIds: Set<string>;
  unverifiedIds: Set<string>;
  numbers: Set<string>;
};

function tally(rows: HeldRow[]): Tally[] {
  const byAddress = new Map<string | null, Tally>();
  for (const row of rows) {
    let group = byAddress.get(row.clientAddress);
    if (!group) {
      group = {
        clientAddress: row.clientAddress,
        orders: 0,
        seats: 0,
        unverifiedOrders: 0,
        unverifiedSeats: 0,
        firstHeldAt: row.heldAt,
        lastHeldAt: row.heldAt,
        orderIds: new Set(),
        unverifiedIds: new Set(),
        numbers: new Set(),
      };
      byAddress.set(row.clientAddress, group);
    }
    group.orderIds.add(row.orderId);
    group.seats += row.seats;
    if (!row.phoneVerified) {
      group.unverifiedIds.add(row.orderId);
      group.unverifiedSeats += row.seats;
    }
    if (row.customerPhone) group.numbers.add(row.customerPhone);
    if (row.heldAt < group.firstHeldAt) group.firstHeldAt = row.heldAt;
    if (row.heldAt > group.lastHeldAt) group.lastHeldAt = row.heldAt;
  }
  return [...byAddress.values()];
}

/** Largest first: most seats, then most orders, then most unverified; orders without an address last. */
function largestFirst(a: HoldGroup, b: HoldGroup): number {
  return (
    b.seats - a.seats ||
    b.orders - a.orders ||
    b.unverifiedOrders - a.unverifiedOrders ||
    (a.clientAddress === null ? 1 : 0) - (b.clientAddress === null ? 1 : 0) ||
    (a.clientAddress ?? "").localeCompare(b.clientAddress ?? "")
  );
}

/** The session's holds by client address, largest groups first, the first `limit` of them, and how many there are. */
export function groupHolds(rows: HeldRow[], limit = HOLD_GROUPS_SHOWN): { groups: HoldGroup[]; total: number } {
  const groups = tally(rows)
    .map(({ orderIds, unverifiedIds, numbers, ...group }): HoldGroup => {
      const phones = [...numbers].sort();
      return {
        ...group,
        orders: orderIds.size,
        unverifiedOrders: unverifiedIds.size,
        phones: phones.slice(0, PHONES_SHOWN).map(maskPhone),
        otherPhones: Math.max(0, phones.length - PHONES_SHOWN),
      };
    })
    .sort(largestFirst);
  return { groups: groups.slice(0, limit), total: groups.length };
}
