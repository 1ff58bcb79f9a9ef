import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { type EmailOutcome, sendEmail } from "@/lib/mail/send";
import { type ApplicationDecision, composeApplicationDecision } from "./compose-decision-mail";

/**
 * Tells the applicant the decision, in their language, where they have an e-mail address
 * (an account made with a phone alone sees it on /farmer/apply). The mail waits in the
 * outbox if it cannot leave now; the decision stands either way.
 */
export async function sendApplicationDecision(
  userId: string,
  decision: ApplicationDecision,
): Promise<EmailOutcome | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, name: true, locale: true } });
  if (!user?.email) return null;
  const locale = isLocale(user.locale) ? user.locale : "zh-CN";
  const path = decision.status === "APPROVED" ? "/farmer" : "/farmer/apply";
  const mail = composeApplicationDecision(decision, {
    locale,
    name: user.name,
    url: `${env.siteUrl}${locale === "en" ? "/en" : ""}${path}`,
  });
  return sendEmail({ to: user.email, ...mail });
}
