import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { enterLocale } from "@/lib/i18n/page";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const locale = await enterLocale(params);
  const t = await getTranslations({ locale, namespace: "privacy" });
  return { title: t("title") };
}

// The sections of the notice, each a title and its points, in the catalogue under "privacy".
const SECTIONS = [
  {
    key: "collected",
    title: "collected.title",
    points: [
      "collected.account",
      "collected.orders",
      "collected.waitlist",
      "collected.delivery",
      "collected.contacts",
      "collected.browser",
    ],
  },
  {
    key: "purposes",
    title: "purposes.title",
    points: ["purposes.orders", "purposes.produce", "purposes.account", "purposes.security"],
  },
  {
    key: "recipients",
    title: "recipients.title",
    points: [
      "recipients.payments",
      "recipients.farmers",
      "recipients.organisers",
      "recipients.messages",
      "recipients.noSale",
    ],
  },
  {
    key: "retention",
    title: "retention.title",
    points: ["retention.account", "retention.orders", "retention.messages", "retention.codes", "retention.limits"],
  },
  {
    key: "rights",
    title: "rights.title",
    points: ["rights.access", "rights.correct", "rights.delete", "rights.withdraw", "rights.contact"],
  },
] as const;

// The privacy notice (PIPL): what is collected, why, who receives it, how long it is kept.
// Static: the same for everyone; its version is what consents record.
export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  await enterLocale(params);
  const t = await getTranslations("privacy");
  return (
    <article className="mx-auto max-w-2xl space-y-5">
      <PageTitle>{t("title")}</PageTitle>
      <p className="text-sm text-stone-500" data-testid="privacy-version">
        {t("version", { version: PRIVACY_NOTICE_VERSION })}
      </p>
      <p>{t("intro")}</p>
      {SECTIONS.map((section) => (
        <section key={section.key} aria-labelledby={`privacy-${section.key}`} className="space-y-2">
          <h2 id={`privacy-${section.key}`} className="font-semibold text-lg">
            {t(section.title)}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-stone-700">
            {section.points.map((point) => (
              <li key={point}>{t(point)}</li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
