import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { env } from "../../lib/env";
import { UserError } from "../../lib/user-error";
import { createOrder } from "../../modules/orders/create-order";
import { resendOrderConfirmation } from "../../modules/orders/mails/order-confirmation";
import { markOrderPaid, type PaymentNotice } from "../../modules/orders/mark-order-paid";
import { findOrderForCaller } from "../../modules/orders/queries";
import { payDemo } from "../../modules/payments/pay-demo";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

// env is the app's one settings object and sendEmail reads env.mail on every call,
// so a test switches SMTP on by assigning env.mail and the afterEach puts it back:
// no module mocking, and the code under test reads settings exactly as in production.
const mailSettings = { ...env.mail };
afterEach(() => {
  env.mail = { ...mailSettings };
});
afterAll(() => db.$disconnect());

async function placeOrder(locale: "zh-CN" | "en", buyer = customer) {
  const { single, family, session } = await createSaleFixture(db, { capacity: 20 });
  const created = await createOrder(
    {
      items: [
        { kind: "ticket", ticketTypeId: single.id, sessionId: session.id, quantity: 2 },
        { kind: "ticket", ticketTypeId: family.id, sessionId: session.id, quantity: 1 },
      ],
      customer: buyer,
    },
    { userId: null, locale },
  );
  return created.order;
}

const notice = (o: { id: string; totalCents: number }, eventId: string): PaymentNotice => ({
  orderId: o.id,
  provider: "DEMO",
  providerRef: `demo_${o.id}`,
  amountCents: o.totalCents,
  currency: "CNY",
  eventId,
});

const mailsFor = (orderId: string) => db.email.findMany({ where: { orderId }, orderBy: { createdAt: "asc" } });

/** A real SMTP server on loopback that keeps what it receives, parsed. */
async function startSmtpServer() {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  const { port } = server.server.address() as AddressInfo;
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((done) => server.close(done)) };
}

describe("the confirmation e-mail", () => {
  it("is written to the outbox once when an order is paid, with the order code, every ticket code and a working link", async () => {
    const buyer = { ...customer, name: `<b>Tom & "Jerry"</b>`, email: "confirm-zh@example.com" };
    const order = await placeOrder("zh-CN", buyer);
    expect(await payDemo(order)).toEqual({ result: "paid", tickets: 5 });

    const mails = await mailsFor(order.id);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    if (!mail) throw new Error("no mail");
    expect(mail.to).toBe("confirm-zh@example.com");
    expect(mail.subject).toContain(order.code);
    expect(mail.text).toContain("测试节");
    expect(mail.text).toContain("入园票 × 2");
    expect(mail.text).toContain("家庭票 × 1");
    expect(mail.sentAt).toBeNull();
    expect(mail.error).toBeNull();

    const tickets = await db.ticket.findMany({ where: { orderId: order.id } });
    expect(tickets).toHaveLength(5);
    for (const { code } of tickets) {
      const typed = `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
      expect(mail.text).toContain(typed);
      expect(mail.html).toContain(typed);
    }

    // The buyer's name is data: escaped in the HTML, never markup.
    expect(mail.html).toContain("&lt;b&gt;Tom &amp; &quot;Jerry&quot;&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>Tom");

    const link = /https?:\/\/\S+?\/orders\/([^/?\s]+)\?token=([\w-]+)/.exec(mail.text);
    expect(link?.[0]).not.toContain("/en/");
    const opened = await findOrderForCaller(link?.[1] ?? "", link?.[2] ?? "", null);
    expect(opened?.code).toBe(order.code);
    expect(opened?.tickets).toHaveLength(5);
    expect(mail.html).toContain(`href="${link?.[0]}"`);
  });

  it("is not sent again when the payment event is delivered again, or another event arrives", async () => {
    const order = await placeOrder("zh-CN");
    const event = notice(order, `evt_mail_${order.id}`);
    expect((await markOrderPaid(event)).result).toBe("paid");
    expect(await markOrderPaid(event)).toEqual({ result: "duplicate" });
    expect(await markOrderPaid(notice(order, `evt_mail_other_${order.id}`))).toEqual({ result: "already_paid" });
    expect(await mailsFor(order.id)).toHaveLength(1);
  });

  it("is in English for an order placed in English", async () => {
    const order = await placeOrder("en");
    await payDemo(order);
    const [mail] = await mailsFor(order.id);
    expect(mail?.subject).toBe(`Suoqian: order ${order.code} is paid, your e-tickets are ready`);
    expect(mail?.text).toContain("Test festival");
    expect(mail?.text).toContain("Entry × 2");
    expect(mail?.text).toContain("(China time)");
    expect(mail?.text).not.toContain("测试节");
    expect(mail?.text).toMatch(new RegExp(`/en/orders/${order.id}\\?token=`));
    expect(mail?.html).toContain('<html lang="en">');
  });

  it("goes out through the SMTP server when one is configured, and is marked sent", async () => {
    const smtp = await startSmtpServer();
    try {
      env.mail = { smtpUrl: smtp.url, from: "Suoqian test <no-reply@suoqian.test>" };
      const order = await placeOrder("zh-CN", { ...customer, email: "smtp-buyer@example.com" });
      expect((await payDemo(order)).result).toBe("paid");

      expect(smtp.received).toHaveLength(1);
      const [delivered] = smtp.received;
      expect(delivered?.subject).toContain(order.code);
      expect(delivered?.from?.text).toContain("no-reply@suoqian.test");
      const to = Array.isArray(delivered?.to) ? delivered.to[0] : delivered?.to;
      expect(to?.text).toBe("smtp-buyer@example.com");
      expect(delivered?.text).toContain(`/orders/${order.id}?token=`);
      expect(delivered?.html).toContain(order.code);

      const [mail] = await mailsFor(order.id);
      expect(mail?.sentAt).toBeInstanceOf(Date);
      expect(mail?.error).toBeNull();
    } finally {
      await smtp.close();
    }
  });

  it("never fails the payment when the SMTP server is down: the outbox keeps the mail and the error", async () => {
    const smtp = await startSmtpServer();
    await smtp.close();
    env.mail = { smtpUrl: smtp.url, from: mailSettings.from };
    const order = await placeOrder("zh-CN");
    expect(await payDemo(order)).toEqual({ result: "paid", tickets: 5 });
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PAID");
    const mails = await mailsFor(order.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.sentAt).toBeNull();
    expect(mails[0]?.error).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe("resending the confirmation", () => {
  it("is refused for an order that is not paid, and writes nothing", async () => {
    const order = await placeOrder("zh-CN");
    const refused = await resendOrderConfirmation(order.id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UserError);
    expect((refused as UserError).key).toBe("email.notPaid");
    expect(await mailsFor(order.id)).toHaveLength(0);
  });

  it("sends the same confirmation again for a paid order", async () => {
    const order = await placeOrder("zh-CN");
    await payDemo(order);
    expect((await resendOrderConfirmation(order.id)).status).toBe("kept");
    const mails = await mailsFor(order.id);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.text).toBe(mails[0]?.text);
  });
});
