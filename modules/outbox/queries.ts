import "server-only";
import { db } from "@/lib/db";

export const OUTBOX_PAGE_SIZE = 50;

export type OutboxStatus = "sent" | "queued" | "failed";

export function outboxStatus(mail: { sentAt: Date | null; error: string | null }): OutboxStatus {
  if (mail.sentAt) return "sent";
  return mail.error ? "failed" : "queued";
}

/** `?page=` as a page number: anything but a positive whole number reads as the first page. */
export function parsePage(value: string | string[] | undefined): number {
  const n = typeof value === "string" && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

/** The outbox, newest first, one page at a time (a page past the end shows the last). */
export async function listOutbox(requested: number) {
  const total = await db.email.count();
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(requested, pages);
  const mails = await db.email.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: { id: true, to: true, subject: true, createdAt: true, sentAt: true, error: true },
  });
  return { mails, page, pages, total };
}

export function findOutboxEmail(id: string) {
  return db.email.findUnique({ where: { id }, include: { order: { select: { code: true } } } });
}
