import { SHANGHAI_OFFSET_MS } from "@/lib/dates";
import type { Locale } from "@/lib/i18n/routing";

// How texts write their values. An Aliyun template's variable holds at most 35
// characters (a Chinese character counts as one), so every parameter is cut to fit,
// and dates are written short and the same on every server (no Intl data involved).

/** The most characters an Aliyun template variable takes. */
export const MAX_PARAM_LENGTH = 35;

/** A parameter cut to what a template variable takes, ending "…" when it was cut. */
export function clipParam(value: string, max = MAX_PARAM_LENGTH): string {
  const chars = [...value.trim()];
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** An instant in Suoqian's time, as a text writes it: "6月12日 09:00", "12 Jun 09:00". */
export function textDateTime(locale: Locale, instant: Date): string {
  const local = new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
  const clock = local.toISOString().slice(11, 16);
  const [month, day] = [local.getUTCMonth(), local.getUTCDate()];
  return locale === "en" ? `${day} ${MONTHS_EN[month]} ${clock}` : `${month + 1}月${day}日 ${clock}`;
}

/** A text as composed: its template's parameters, and the template filled in as the recipient reads it. */
export type ComposedText = { params: Record<string, string>; text: string };
