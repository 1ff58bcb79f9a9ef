// The orders this browser placed as a guest, with the access token checkout
// received, kept in localStorage until the visitor signs in or up: then they join
// the account (modules/account/claim-remembered-orders.ts), and are forgotten here.

const KEY = "suoqian.orders";
/** The newest this many; older ones are found by verifying the e-mail or mobile number. */
const KEEP = 20;

export type Remembered = { id: string; token: string };

function read(): Remembered[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (x): x is Remembered => typeof x?.id === "string" && typeof x?.token === "string" && x.id.length <= 64,
    );
  } catch {
    return [];
  }
}

function write(orders: Remembered[]) {
  try {
    if (orders.length === 0) window.localStorage.removeItem(KEY);
    else window.localStorage.setItem(KEY, JSON.stringify(orders));
  } catch {
    // Storage blocked (some private modes): the order is still found by its e-mail or mobile number.
  }
}

/** Keeps an order checkout has just placed. */
export function rememberOrder(order: Remembered): void {
  write([{ id: order.id, token: order.token }, ...read().filter((o) => o.id !== order.id)].slice(0, KEEP));
}

/** The orders this browser placed as a guest, newest first. */
export function rememberedOrders(): Remembered[] {
  return read();
}

/** Forgets orders that have joined an account. */
export function forgetOrders(ids: Iterable<string>): void {
  const gone = new Set(ids);
  write(read().filter((o) => !gone.has(o.id)));
}
