"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { usePhoneCode } from "./use-phone-code";

type Props = {
  /** Names of the two inputs (forms read them). */
  phoneName?: string;
  codeName?: string;
  defaultPhone?: string;
  phoneError?: string;
  codeError?: string;
  /** Hide the number (it was typed elsewhere on the form, e.g. the checkout's contact). */
  phone?: string;
  onPhoneChange?: (phone: string) => void;
};

/**
 * A mobile number, "get code" and the six-digit code, as on every Chinese app: the
 * button counts down 60 s after a code is sent, the code field fills from the SMS where
 * the phone offers it (one-time-code).
 */
export function PhoneCodeFields({
  phoneName = "phone",
  codeName = "code",
  defaultPhone,
  phoneError,
  codeError,
  phone: fixedPhone,
  onPhoneChange,
}: Props) {
  const t = useTranslations("phone");
  const { state, waitSeconds, prepare, send } = usePhoneCode();
  const [typed, setTyped] = useState(defaultPhone ?? "");
  const phone = fixedPhone ?? typed;
  const busy = state.status === "sending";
  const label = busy
    ? t("sending")
    : waitSeconds > 0
      ? t("resendIn", { seconds: waitSeconds })
      : state.status === "sent"
        ? t("resend")
        : t("send");
  return (
    <div className="space-y-3">
      {fixedPhone === undefined ? (
        <Field
          name={phoneName}
          type="tel"
          label={t("number")}
          autoComplete="tel-national"
          inputMode="tel"
          value={typed}
          onFocus={prepare}
          onChange={(e) => {
            setTyped(e.target.value);
            onPhoneChange?.(e.target.value);
            prepare();
          }}
          error={phoneError}
          required
        />
      ) : null}
      <div className="flex items-end gap-2">
        <div className="flex-1">
          <Field
            name={codeName}
            label={t("code")}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            error={codeError}
            required
          />
        </div>
        <button
          type="button"
          className="min-h-11 shrink-0 rounded-lg border border-brand-600 px-3 py-2 font-medium text-brand-700 text-sm disabled:opacity-60"
          disabled={busy || waitSeconds > 0 || phone.trim() === ""}
          onMouseEnter={prepare}
          onClick={() => void send(phone)}
          aria-describedby="phone-code-status"
        >
          {label}
        </button>
      </div>
      <p id="phone-code-status" role="status" className="min-h-5 text-sm">
        {state.status === "sent" ? (
          <span className="text-brand-800">{t("sent", { phone: state.masked })}</span>
        ) : state.status === "error" ? (
          <span className="text-berry-600">{state.message || t("sendFailed")}</span>
        ) : null}
      </p>
    </div>
  );
}
