"use client";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { type Contact, ContactFields } from "@/modules/auth/components/contact-fields";
import { PhoneCodeFields } from "@/modules/auth/components/phone-code-fields";
import { useSessionSummary } from "@/modules/auth/use-session-summary";
import { PrivacyConsent } from "@/modules/privacy/components/privacy-consent";
import { PRIVACY_NOTICE_VERSION } from "@/modules/privacy/privacy-notice";
import { TicketChoice, type WaitlistTicketType } from "./join-waitlist/ticket-choice";

type Answer = {
  entry?: { id: string; position: number };
  error?: string;
  message?: string;
  fields?: Record<string, string>;
  position?: number | null;
};

/**
 * "Join the waiting list" for a sold-out session: a ticket type, a quantity (up to the
 * per-order maximum), contact details (a signed-in visitor's name and e-mail filled
 * in) and the privacy consent; then the place in the list.
 */
export function JoinWaitlist({
  slug,
  sessionId,
  ticketTypes,
  maxTicketsPerOrder,
}: {
  slug: string;
  sessionId: string;
  ticketTypes: WaitlistTicketType[];
  maxTicketsPerOrder: number;
}) {
  const t = useTranslations("waitlist");
  const tb = useTranslations("basket");
  const locale = useLocale();
  const session = useSessionSummary();
  const [typeId, setTypeId] = useState(ticketTypes[0]?.id ?? "");
  const [quantity, setQuantity] = useState(1);
  const [customer, setCustomer] = useState<Contact>({ name: "", phone: "", email: "" });
  const [consent, setConsent] = useState(false);
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(null);
  // The number the list asked to be proven with a texted code (409 phone_unverified).
  const [verifying, setVerifying] = useState<string | null>(null);

  useEffect(() => {
    if (session.status !== "signed-in") return;
    setCustomer((c) => ({ ...c, name: c.name || session.user.name, email: c.email || (session.user.email ?? "") }));
  }, [session]);

  const type = ticketTypes.find((tt) => tt.id === typeId);
  const max = Math.max(1, Math.min(type?.maxPerOrder ?? 1, maxTicketsPerOrder));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    const code = verifying === customer.phone ? String(new FormData(event.currentTarget).get("phoneCode") ?? "") : "";
    try {
      const res = await fetch(`/api/festivals/${slug}/waitlist?lang=${locale === "en" ? "en" : "zh"}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          sessionId,
          ticketTypeId: typeId,
          quantity,
          customer,
          ...(consent ? { privacyConsent: PRIVACY_NOTICE_VERSION } : {}),
          ...(code ? { code: code.trim() } : {}),
        }),
      });
      const body = (await res.json()) as Answer;
      if (body.error === "phone_unverified") setVerifying(customer.phone);
      setAnswer(body);
    } catch {
      setAnswer({ error: "network", message: tb("networkError") });
    }
    setPending(false);
  }

  if (answer?.entry) {
    return (
      <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900" data-testid="waitlist-joined">
        {t("joined", { position: answer.entry.position })}
      </p>
    );
  }

  const field = (name: string) => answer?.fields?.[name] ?? answer?.fields?.[`customer.${name}`];
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby="waitlist-heading" data-testid="waitlist-form">
      <h3 id="waitlist-heading" className="font-medium">
        {t("title")}
      </h3>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      <TicketChoice
        ticketTypes={ticketTypes}
        typeId={typeId}
        onType={(id) => {
          setTypeId(id);
          setQuantity(1);
        }}
        quantity={quantity}
        onQuantity={(value) => setQuantity(Math.max(1, value))}
        max={max}
        error={field("quantity")}
      />
      <ContactFields
        contact={customer}
        onChange={setCustomer}
        error={field}
        prefix="waitlist-"
        hints={{ email: t("emailHint") }}
      />
      <PrivacyConsent checked={consent} onChange={setConsent} error={answer?.fields?.privacyConsent} />
      {verifying && verifying === customer.phone ? (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="waitlist-phone-check">
          <PhoneCodeFields
            phone={customer.phone}
            codeName="phoneCode"
            codeError={
              answer?.error === "invalid_code" || answer?.error === "code_expired" ? answer.message : undefined
            }
          />
        </div>
      ) : null}
      {answer && !answer.entry ? (
        <p className="rounded-lg bg-red-50 p-3 text-berry-600" role="alert" data-testid="waitlist-error">
          {answer.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {t("join")}
      </Button>
    </form>
  );
}
