import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

export type OutgoingText = { to: string; text: string };

/** sent: the gateway accepted it; kept: no gateway configured, only in the outbox; failed: see the row's error. */
export type TextOutcome = { id: string; status: "sent" | "kept" | "failed" };

/** What an SMS gateway (Aliyun SMS, Tencent Cloud SMS…) must do: deliver one text or throw. */
export type TextGateway = { send(message: OutgoingText): Promise<void> };

/**
 * The configured SMS gateway. None is configured on these installs, so texts are
 * only kept in the outbox; a gateway plugs in here, chosen once from the settings,
 * and every sender asks this boundary rather than knowing which it is.
 */
export function textGateway(): TextGateway | null {
  return null;
}

/**
 * Records the text in the outbox (always: it is the record of what was sent) and,
 * when a gateway is configured, sends it. A delivery failure is stored on the row
 * and never thrown, as for mail; only a failure to write the outbox throws.
 */
export async function sendTextMessage(message: OutgoingText): Promise<TextOutcome> {
  const row = await db.textMessage.create({ data: { to: message.to, text: message.text }, select: { id: true } });
  const gateway = textGateway();
  if (!gateway) return { id: row.id, status: "kept" };
  try {
    await gateway.send(message);
    await db.textMessage.update({ where: { id: row.id }, data: { sentAt: new Date(), error: null } });
    return { id: row.id, status: "sent" };
  } catch (error) {
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    log().error({ textMessageId: row.id, err: error }, "text message sending failed");
    await db.textMessage.update({ where: { id: row.id }, data: { error: text } }).catch(() => {});
    return { id: row.id, status: "failed" };
  }
}
