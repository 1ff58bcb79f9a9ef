import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { escapeHtml as e } from "./html";

export type ComposedMail = { subject: string; text: string; html: string };

type Parts = { subject: string; greeting: string; paragraphs: string[]; link: { label: string; url: string } };

// Account mails share one plain layout: greeting, a few sentences, one button with
// the link written out below it (some clients hide buttons), the signature.
export function layout(locale: Locale, parts: Parts): ComposedMail {
  const t = apiTranslator(locale);
  const { subject, greeting, paragraphs, link } = parts;
  const text = [greeting, "", ...paragraphs.flatMap((p) => [p, ""]), link.url, "", "—", t("email.signature"), ""].join(
    "\n",
  );
  const muted = "margin:0;color:#57534e;font-size:14px";
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:16px;background:#f5f5f4;color:#1c1917;font-family:-apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:20px">
<p style="margin:0 0 8px">${e(greeting)}</p>
${paragraphs.map((p) => `<p style="margin:0 0 8px">${e(p)}</p>`).join("\n")}
<p style="margin:16px 0 4px"><a href="${e(link.url)}" style="display:inline-block;background:#2f7a4a;color:#ffffff;padding:10px 18px;border-radius:8px;text-decoration:none">${e(link.label)}</a></p>
<p style="${muted}"><a href="${e(link.url)}" style="color:#246039;word-break:break-all">${e(link.url)}</a></p>
<p style="${muted};margin-top:16px">${e(t("email.signature"))}</p>
</div></body></html>
`;
  return { subject, text, html };
}
