import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type OutgoingEmail = { to: string; subject: string; text: string; html?: string; orderId?: string };

/** sent: the SMTP server accepted it; kept: no SMTP configured, only in the outbox; failed: see the row's error. */
export type EmailOutcome = { id: string; status: "sent" | "kept" | "failed" };

// A payment waits for its confirmation mail (modules/orders/mark-order-paid.ts), so an
// unreachable server must give up quickly instead of nodemailer's minutes-long defaults.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };

let transport: { url: string; transporter: Transporter } | null = null;

/** One transport per process; made again only if the SMTP URL changes (which only tests do). */
function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    transport = { url, transporter: nodemailer.createTransport({ url, ...TIMEOUTS }) };
  }
  return transport.transporter;
}

/**
 * Records the mail in the outbox (always: it is the record of what was sent) and,
 * when SMTP_URL is set, sends it. A delivery failure is stored on the row and
 * never thrown: a mail server being down must not fail the caller. Only a failure
 * to write the outbox itself (the database) throws.
 */
export async function sendEmail(mail: OutgoingEmail): Promise<EmailOutcome> {
  const row = await db.email.create({
    data: {
      orderId: mail.orderId ?? null,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
    },
    select: { id: true },
  });
  const { smtpUrl, from } = env.mail;
  if (!smtpUrl) return { id: row.id, status: "kept" };
  try {
    await transporterFor(smtpUrl).sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
    await db.email.update({ where: { id: row.id }, data: { sentAt: new Date(), error: null } });
    return { id: row.id, status: "sent" };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    log().error({ emailId: row.id, err: error }, "mail sending failed");
    await db.email.update({ where: { id: row.id }, data: { error: message } }).catch(() => {});
    return { id: row.id, status: "failed" };
  }
}
