import { apiTranslator } from "@/lib/i18n/api";
import type { Locale } from "@/lib/i18n/routing";
import { type ComposedMail, layout } from "@/lib/mail/layout";

export type ApplicationDecision = { status: "APPROVED" } | { status: "REJECTED"; reason: string };

/** The applicant hears how their application to sell was decided: the farmer's workbench, or the reason and a new try. */
export function composeApplicationDecision(
  decision: ApplicationDecision,
  { locale, name, url }: { locale: Locale; name: string; url: string },
): ComposedMail {
  const t = apiTranslator(locale);
  const greeting = t("email.greeting", { name });
  if (decision.status === "APPROVED") {
    return layout(locale, {
      subject: t("email.farmerApplication.approvedSubject"),
      greeting,
      paragraphs: [t("email.farmerApplication.approvedIntro"), t("email.farmerApplication.approvedNext")],
      link: { label: t("email.farmerApplication.approvedButton"), url },
    });
  }
  return layout(locale, {
    subject: t("email.farmerApplication.rejectedSubject"),
    greeting,
    paragraphs: [
      t("email.farmerApplication.rejectedIntro"),
      t("email.farmerApplication.reason", { reason: decision.reason }),
      t("email.farmerApplication.reapply"),
    ],
    link: { label: t("email.farmerApplication.rejectedButton"), url },
  });
}
