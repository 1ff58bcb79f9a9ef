import "server-only";
import { db } from "@/lib/db";

/** How many of the newest texts the outbox page shows. */
export const TEXT_OUTBOX_SIZE = 50;

/** The newest texts, for the administrator's outbox (next to the mails). */
export function listTextMessages() {
  return db.textMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: TEXT_OUTBOX_SIZE,
    select: { id: true, to: true, text: true, createdAt: true, sentAt: true, error: true },
  });
}
