import { createOrder } from "../../modules/orders/create-order";
import { buyer, createSaleFixture, createShopFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "./db";

// Pending orders for the payment providers' tests: each with a buyer of its own.

let n = 0;
const nextBuyer = () => buyer(700_000 + ++n + Math.floor(Math.random() * 1000) * 1000);

/** `quantity` tickets of a new session of `capacity` seats, unpaid. */
export async function ticketOrder(quantity: number, capacity = 10) {
  const sale = await createSaleFixture(db, { capacity });
  const created = await createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity }],
      customer: nextBuyer(),
    },
    { userId: null, locale: "zh-CN" },
  );
  return { order: created.order, sale };
}

/** The same session's seat, for another buyer (the seat sold again). */
export async function anotherTicketOrder(sale: Awaited<ReturnType<typeof createSaleFixture>>) {
  return createOrder(
    {
      items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 1 }],
      customer: nextBuyer(),
    },
    { userId: null, locale: "zh-CN" },
  );
}

/** `quantity` units of a new farmer's product at 40.00, unpaid. */
export async function productOrder(quantity: number) {
  const shop = await createShopFixture(db, [{ stock: 20, priceCents: 4000 }]);
  const created = await createOrder(
    {
      items: [
        { kind: "product", productId: shop.products[0]?.id ?? "", quantity, fulfilment: { method: "workshop_pickup" } },
      ],
      customer: nextBuyer(),
    },
    { userId: null, locale: "zh-CN" },
  );
  return { order: created.order, shop };
}

export const orderWithPayments = (id: string) =>
  db.order.findUniqueOrThrow({ where: { id }, include: { payments: { include: { refunds: true } }, tickets: true } });
