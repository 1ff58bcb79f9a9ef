import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { SECTION_MESSAGES } from "@/lib/i18n/client-messages";
import { ClientMessages } from "@/lib/i18n/client-messages-provider";
import { enterLocale } from "@/lib/i18n/page";
import { pick } from "@/lib/localized";
import { orderPageUrl } from "@/lib/order-links";
import { sessionTime } from "@/lib/session-time";
import { LeaveWaitlist } from "@/modules/waitlist/components/leave-waitlist";
import { waitingPosition } from "@/modules/waitlist/join-waitlist";
import { findEntryByToken } from "@/modules/waitlist/leave-waitlist";

export const metadata: Metadata = { robots: { index: false } };

// A waiting-list entry, opened from its confirmation mail (the token is the key): the
// place in the list, an offer's link to pay, and a button to leave. Opening it changes nothing.
export default async function WaitlistEntryPage({
  params,
  searchParams,
}: PageProps<"/[locale]/festivals/[slug]/waitlist/[id]">) {
  const locale = await enterLocale(params);
  const { slug, id } = await params;
  const token = (await searchParams).token;
  const entry = await findEntryByToken(slug, id, typeof token === "string" ? token : null);
  if (!entry || typeof token !== "string") notFound();
  const t = await getTranslations("waitlist");
  const format = await getFormatter();
  const position = entry.status === "WAITING" ? await waitingPosition(entry) : null;
  const status = entry.status.toLowerCase() as "waiting" | "offered" | "claimed" | "expired" | "left" | "closed";
  return (
    <div className="space-y-4">
      <PageTitle>{t("entryTitle")}</PageTitle>
      <section className="space-y-1 rounded-xl bg-white p-4 shadow-sm">
        <p className="font-medium">
          {pick({ zh: entry.session.festival.nameZh, en: entry.session.festival.nameEn }, locale)}
        </p>
        <p>{sessionTime(format, entry.session, "long")}</p>
        <p>
          {pick({ zh: entry.ticketType.nameZh, en: entry.ticketType.nameEn }, locale)} × {entry.quantity}
        </p>
        <p className="font-medium" data-testid="waitlist-status">
          {t(`status.${status}`)}
          {position ? ` · ${t("position", { position })}` : null}
        </p>
      </section>
      {entry.status === "OFFERED" && entry.orderId ? (
        <p>
          <a
            href={orderPageUrl(entry.orderId, locale, "")}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t("payOffer")}
          </a>
          {entry.offerExpiresAt
            ? ` · ${t("offerUntil", { time: format.dateTime(entry.offerExpiresAt, { dateStyle: "medium", timeStyle: "short" }) })}`
            : null}
        </p>
      ) : null}
      {["WAITING", "OFFERED", "CLOSED"].includes(entry.status) ? (
        <ClientMessages paths={SECTION_MESSAGES.waitlistEntry}>
          <LeaveWaitlist slug={slug} entryId={entry.id} token={token} offered={entry.status === "OFFERED"} />
        </ClientMessages>
      ) : null}
    </div>
  );
}
