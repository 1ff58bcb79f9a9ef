import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { log } from "@/lib/log";
import { createAliyunGateway, type TextGateway } from "./aliyun";
import { quietHoursEnd } from "./quiet-hours";
import type { SmsConfig, TextKind } from "./settings";

/**
 * A text to send: the number, its kind (one approved template per kind), the template's
 * parameters, and the text as the recipient will read it (the template filled in, in
 * their language), which the outbox keeps.
 */
export type OutgoingText = {
  to: string;
  kind: TextKind;
  params: Record<string, string>;
  text: string;
  locale: Locale;
  /** When it is written (quiet hours are judged by it); now unless a job or test says. */
  now?: Date;
  /** A text that means nothing after this (an offer's deadline, a session's start) never waits past it. */
  expiresAt?: Date;
};

/**
 * sent: the gateway accepted it; kept: no gateway configured, only in the outbox;
 * deferred: written in quiet hours, the text job sends it at `sendAfter`; failed: see the row's error.
 */
export type TextOutcome = { id: string; status: "sent" | "kept" | "deferred" | "failed" };

let gateway: { config: SmsConfig; gateway: TextGateway | null } | null = null;

/**
 * The SMS gateway the settings choose, made once (again only if the settings object
 * changes, which only tests do): Aliyun SMS with SMS_PROVIDER=aliyun, otherwise none,
 * and texts are only kept in the outbox. Every sender asks this boundary.
 */
export function textGateway(config: SmsConfig = env.sms): TextGateway | null {
  if (gateway?.config !== config) {
    gateway = { config, gateway: config.provider === "aliyun" ? createAliyunGateway(config) : null };
  }
  return gateway.gateway;
}

/** The approved template for a kind of text in the recipient's language (Chinese when there is no English one). */
function templateCode(config: SmsConfig, kind: TextKind, locale: Locale): string | null {
  if (config.provider !== "aliyun") return null;
  const codes = config.templates[kind];
  if (!codes) return null;
  return locale === "en" ? (codes.en ?? codes.zh) : codes.zh;
}

/** Records why a text did not go out on its row (never throws: the row is the record). */
async function failed(id: string, kind: string, error: unknown): Promise<TextOutcome> {
  const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  log().error({ textMessageId: id, kind, err: error }, "text message sending failed");
  await db.textMessage.update({ where: { id }, data: { error: text } }).catch(() => {});
  return { id, status: "failed" };
}

/** Hands an outbox row's text to the gateway and records the outcome on the row. */
async function deliver(
  sender: TextGateway,
  row: { id: string; to: string; kind: string; templateCode: string; params: Record<string, string> },
): Promise<TextOutcome> {
  try {
    const { providerRef } = await sender.send({ to: row.to, templateCode: row.templateCode, params: row.params });
    await db.textMessage.update({ where: { id: row.id }, data: { sentAt: new Date(), error: null, providerRef } });
    return { id: row.id, status: "sent" };
  } catch (error) {
    return failed(row.id, row.kind, error);
  }
}

/**
 * Records the text in the outbox (always: it is the record of what was sent) and, when
 * a gateway is configured, sends it as its kind's template with the parameters. In quiet
 * hours (quiet-hours.ts) a text that would go out waits: its row gets `sendAfter`, the next
 * 08:00, and sendDueTexts sends it then; one that would wait past its `expiresAt` is not
 * sent at all. A delivery failure (the gateway down or refusing, no template for the kind)
 * is stored on the row and never thrown: a text must not fail the order or sign-in behind
 * it. Only a failure to write the outbox itself throws.
 */
export async function sendTextMessage(message: OutgoingText, config: SmsConfig = env.sms): Promise<TextOutcome> {
  const sender = textGateway(config);
  const code = templateCode(config, message.kind, message.locale);
  const sendAfter = sender && code ? quietHoursEnd(message.now ?? new Date(), message.kind) : null;
  const late = sendAfter && message.expiresAt && sendAfter >= message.expiresAt;
  const waits = sendAfter && !late;
  const row = await db.textMessage.create({
    data: {
      to: message.to,
      text: message.text,
      kind: message.kind,
      templateCode: code,
      templateParams: JSON.stringify(message.params),
      // A waiting text has no gateway yet: the job that sends it claims it by setting one.
      provider: waits ? null : (sender?.name ?? null),
      sendAfter: waits ? sendAfter : null,
    },
    select: { id: true },
  });
  if (!sender) return { id: row.id, status: "kept" };
  if (!code) {
    return failed(row.id, message.kind, new Error(`no SMS template is set for texts of kind "${message.kind}"`));
  }
  if (late) {
    return failed(row.id, message.kind, new Error(`quiet hours until ${sendAfter.toISOString()}: out of date by then`));
  }
  if (waits) {
    log().info(
      { textMessageId: row.id, kind: message.kind, sendAfter },
      "text message waits for the end of quiet hours",
    );
    return { id: row.id, status: "deferred" };
  }
  return deliver(sender, {
    id: row.id,
    to: message.to,
    kind: message.kind,
    templateCode: code,
    params: message.params,
  });
}

const DUE_BATCH = 100;

/**
 * The text job: sends the texts that waited out quiet hours and are due, each once. Every
 * instance runs it; each row is claimed by a guarded update (no gateway yet → this one),
 * so of two instances reading the same row only one sends it. Returns how many it sent.
 */
export async function sendDueTexts(now = new Date(), config: SmsConfig = env.sms): Promise<number> {
  const sender = textGateway(config);
  if (!sender) return 0;
  const waiting = { provider: null, sentAt: null, error: null } as const;
  let sent = 0;
  for (let batch = 0; batch < 10; batch++) {
    const due = await db.textMessage.findMany({
      // An erased number (a deleted account's) is sent nothing.
      where: { ...waiting, sendAfter: { lte: now }, to: { not: "" } },
      orderBy: [{ sendAfter: "asc" }, { id: "asc" }],
      take: DUE_BATCH,
      select: { id: true, to: true, kind: true, templateCode: true, templateParams: true },
    });
    for (const text of due) {
      const claimed = await db.textMessage.updateMany({
        where: { id: text.id, ...waiting },
        data: { provider: sender.name },
      });
      if (claimed.count !== 1) continue;
      const kind = text.kind ?? "unknown";
      if (!text.templateCode) {
        await failed(text.id, kind, new Error(`no SMS template is set for texts of kind "${kind}"`));
        continue;
      }
      const params = JSON.parse(text.templateParams ?? "{}") as Record<string, string>;
      const outcome = await deliver(sender, { ...text, kind, templateCode: text.templateCode, params });
      if (outcome.status === "sent") sent++;
    }
    if (due.length < DUE_BATCH) break;
  }
  return sent;
}
