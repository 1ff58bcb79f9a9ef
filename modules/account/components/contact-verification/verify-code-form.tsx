"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState } from "@/lib/action-state";

type Channel = "EMAIL" | "PHONE";
export type Verified = ActionState<{ channel: Channel; address: string }>;

/** The code just sent, to type back: where it went, and the field to check it. */
export function VerifyCodeForm({
  waiting,
  verified,
  verify,
  verifying,
}: {
  /** Where the code went. */
  waiting: { channel: Channel; address: string };
  verified: Verified;
  verify: (formData: FormData) => void;
  verifying: boolean;
}) {
  const t = useTranslations("account.contacts");
  const codeFields = verified.status === "error" ? verified.fields : {};
  return (
    <form action={verify} className="space-y-3" noValidate>
      <p role="status" className="text-sm text-stone-700" data-testid="code-sent">
        {t(waiting.channel === "EMAIL" ? "sentEmail" : "sentPhone", { address: waiting.address })}
      </p>
      <input type="hidden" name="channel" value={waiting.channel} />
      <input type="hidden" name="address" value={waiting.address} />
      {verified.status === "error" && !codeFields.code ? (
        <p role="alert" className="text-berry-600 text-sm">
          {verified.message}
        </p>
      ) : null}
      <Field
        name="code"
        label={t("code")}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        error={codeFields.code}
        required
      />
      <Button type="submit" disabled={verifying}>
        {verifying ? t("checking") : t("check")}
      </Button>
    </form>
  );
}
