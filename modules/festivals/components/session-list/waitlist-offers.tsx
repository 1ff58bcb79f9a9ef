"use client";
import { useTranslations } from "next-intl";
import { JoinWaitlist } from "@/modules/waitlist/components/join-waitlist";
import type { ClientFestival } from "../../client-festival";

type Session = ClientFestival["sessions"][number];

/**
 * The waiting lists a visitor may join: the picked session's when it is sold out, and
 * when a session has seats but too few for some ticket type, those types' list.
 */
export function WaitlistOffers({
  festival,
  waiting,
  chosen,
  seatsLeft,
}: {
  festival: ClientFestival;
  /** The picked session, sold out but still selling. */
  waiting: Session | null;
  /** The picked session, with seats left. */
  chosen: Session | null;
  seatsLeft: number;
}) {
  const tw = useTranslations("waitlist");
  return (
    <>
      {waiting ? (
        <section className="rounded-xl bg-white p-4 shadow-sm" data-testid="waitlist-section">
          <JoinWaitlist
            key={waiting.id}
            slug={festival.slug}
            sessionId={waiting.id}
            ticketTypes={festival.ticketTypes}
            maxTicketsPerOrder={festival.maxTicketsPerOrder}
          />
        </section>
      ) : null}
      {chosen && festival.ticketTypes.some((tt) => tt.admissions > seatsLeft) ? (
        <details className="rounded-xl bg-white p-4 shadow-sm">
          <summary className="min-h-11 cursor-pointer py-2 text-brand-700">{tw("typeSoldOut")}</summary>
          <div className="mt-3">
            <JoinWaitlist
              key={chosen.id}
              slug={festival.slug}
              sessionId={chosen.id}
              ticketTypes={festival.ticketTypes.filter((tt) => tt.admissions > seatsLeft)}
              maxTicketsPerOrder={festival.maxTicketsPerOrder}
            />
          </div>
        </details>
      ) : null}
    </>
  );
}
