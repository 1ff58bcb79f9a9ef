import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { escapeHtml as e } from "@/lib/mail/html";

// The code carries no name and no account: whoever holds the address learns only
// that someone asked to show it is theirs, and can ignore it.

/** The mail with a verification code, in the account's language. */
export function composeContactCodeMail(
  code: string,
  { locale, minutes }: { locale: Locale; minutes: number },
): { subject: string; text: string; html: string } {
  const t = apiTranslator(locale);
  const subject = t("email.contactCode.subject");
  const lines = [
    t("email.contactCode.intro"),
    t("email.contactCode.valid", { minutes }),
    t("email.contactCode.ignore"),
  ];
  const text = [lines[0], "", code, "", ...lines.slice(1).flatMap((l) => [l, ""]), "—", t("email.signature"), ""].join(
    "\n",
  );
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f5f5f4;color:#1c1917;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:20px">
<p style="margin:0 0 8px">${e(lines[0] ?? "")}</p>
<p style="margin:12px 0;font-size:28px;font-weight:bold;letter-spacing:6px;font-family:monospace">${e(code)}</p>
${lines
  .slice(1)
  .map((l) => `<p style="margin:0 0 8px">${e(l)}</p>`)
  .join("\n")}
<p style="margin:16px 0 0;color:#57534e;font-size:14px">${e(t("email.signature"))}</p>
</div></body></html>
`;
  return { subject, text, html };
}

/** The text message with a verification code: short, one message. */
export function composeContactCodeText(code: string, { locale, minutes }: { locale: Locale; minutes: number }): string {
  return apiTranslator(locale)("email.contactCode.sms", { code, minutes });
}
