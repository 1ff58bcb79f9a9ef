"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { requestContactCodeAction, verifyContactCodeAction } from "../actions";
import { type Verified, VerifyCodeForm } from "./contact-verification/verify-code-form";

type Channel = "EMAIL" | "PHONE";
type Sent = ActionState<{ channel: Channel; address: string; alreadyVerified: boolean }>;

/**
 * Finding orders placed as a guest on another device: a code goes to the e-mail
 * address or mobile number, and typing it back proves the address is the visitor's.
 */
export function ContactVerification({ emails, phones }: { emails: string[]; phones: string[] }) {
  const t = useTranslations("account.contacts");
  const router = useRouter();
  const [channel, setChannel] = useState<Channel>("EMAIL");
  const [sent, send, sending] = useActionState(requestContactCodeAction, { status: "idle" } as Sent);
  const [verified, verify, verifying] = useActionState(verifyContactCodeAction, { status: "idle" } as Verified);
  useEffect(() => {
    if (verified.status === "success" || (sent.status === "success" && sent.data.alreadyVerified)) router.refresh();
  }, [verified, sent, router]);

  // The code just sent, until it has been typed back right.
  const waiting =
    sent.status === "success" &&
    !sent.data.alreadyVerified &&
    !(verified.status === "success" && verified.data.address === sent.data.address)
      ? sent.data
      : null;
  const sendFields = sent.status === "error" ? sent.fields : {};

  return (
    <div className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <p className="text-sm text-stone-600">{t("intro")}</p>
      {emails.length + phones.length > 0 ? (
        <div>
          <p className="font-medium text-sm">{t("verified")}</p>
          <ul className="text-sm text-stone-700" data-testid="verified-contacts">
            {[...emails, ...phones].map((address) => (
              <li key={address}>✓ {address}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {verified.status === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm" data-testid="contact-verified">
          {t("done", { address: verified.data.address })}
        </p>
      ) : null}
      {sent.status === "success" && sent.data.alreadyVerified ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm">
          {t("alreadyVerified", { address: sent.data.address })}
        </p>
      ) : null}

      {waiting ? <VerifyCodeForm waiting={waiting} verified={verified} verify={verify} verifying={verifying} /> : null}

      <form action={send} className="space-y-3" noValidate>
        {sent.status === "error" && !sendFields.address ? (
          <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
            {sent.message}
          </p>
        ) : null}
        <fieldset className="flex gap-4 text-sm">
          <legend className="sr-only">{t("channel")}</legend>
          {(["EMAIL", "PHONE"] as const).map((c) => (
            <label key={c} className="flex items-center gap-1">
              <input type="radio" name="channel" value={c} checked={channel === c} onChange={() => setChannel(c)} />
              {t(c === "EMAIL" ? "byEmail" : "byPhone")}
            </label>
          ))}
        </fieldset>
        <Field
          key={channel}
          name="address"
          label={t(channel === "EMAIL" ? "email" : "phone")}
          type={channel === "EMAIL" ? "email" : "tel"}
          inputMode={channel === "EMAIL" ? "email" : "tel"}
          error={sendFields.address}
          required
        />
        <Button type="submit" disabled={sending} className="bg-stone-700 hover:bg-stone-800">
          {sending ? t("sending") : waiting ? t("sendAgain") : t("send")}
        </Button>
      </form>
    </div>
  );
}
