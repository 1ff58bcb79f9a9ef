import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { log } from "@/lib/log";
import { createAliyunGateway, type TextGateway } from "./aliyun";
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
};

/** sent: the gateway accepted it; kept: no gateway configured, only in the outbox; failed: see the row's error. */
export type TextOutcome = { id: string; status: "sent" | "kept" | "failed" };

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

/**
 * Records the text in the outbox (always: it is the record of what was sent) and, when
 * a gateway is configured, sends it as its kind's template with the parameters. A
 * delivery failure (the gateway down or refusing, no template for the kind) is stored
 * on the row and never thrown: a text must not fail the order or sign-in behind it.
 * Only a failure to write the outbox itself throws.
 */
export async function sendTextMessage(message: OutgoingText, config: SmsConfig = env.sms): Promise<TextOutcome> {
  const sender = textGateway(config);
  const code = templateCode(config, message.kind, message.locale);
  const row = await db.textMessage.create({
    data: {
      to: message.to,
      text: message.text,
      kind: message.kind,
      templateCode: code,
      templateParams: JSON.stringify(message.params),
      provider: sender?.name ?? null,
    },
    select: { id: true },
  });
  if (!sender) return { id: row.id, status: "kept" };
  const fail = async (error: unknown) => {
    const text = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    log().error({ textMessageId: row.id, kind: message.kind, err: error }, "text message sending failed");
    await db.textMessage.update({ where: { id: row.id }, data: { error: text } }).catch(() => {});
    return { id: row.id, status: "failed" as const };
  };
  if (!code) return fail(new Error(`no SMS template is set for texts of kind "${message.kind}"`));
  try {
    const { providerRef } = await sender.send({ to: message.to, templateCode: code, params: message.params });
    await db.textMessage.update({ where: { id: row.id }, data: { sentAt: new Date(), error: null, providerRef } });
    return { id: row.id, status: "sent" };
  } catch (error) {
    return fail(error);
  }
}
