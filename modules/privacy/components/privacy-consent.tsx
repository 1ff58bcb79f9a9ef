"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { PRIVACY_NOTICE_VERSION } from "../privacy-notice";

type Props = {
  error?: string;
  /** Controlled (checkout keeps its state); otherwise the form reads the box. */
  checked?: boolean;
  onChange?: (checked: boolean) => void;
  defaultChecked?: boolean;
};

/**
 * The required consent to the privacy notice, at sign-up and checkout. Ticked, it
 * sends the notice's version, which is what the account or order records.
 */
export function PrivacyConsent({ error, checked, onChange, defaultChecked }: Props) {
  const t = useTranslations("privacyConsent");
  return (
    <div className="space-y-1">
      <div className="flex min-h-11 items-center gap-3 text-sm">
        <input
          id="privacyConsent"
          name="privacyConsent"
          type="checkbox"
          value={PRIVACY_NOTICE_VERSION}
          className="h-6 w-6 shrink-0"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "privacyConsent-error" : undefined}
          {...(checked === undefined ? { defaultChecked } : { checked })}
          onChange={onChange ? (e) => onChange(e.target.checked) : undefined}
        />
        <label htmlFor="privacyConsent" className="flex min-h-11 items-center text-stone-700">
          {t("label")}
        </label>
      </div>
      <p className="pl-9 text-sm">
        {/* A new tab: the form and what was typed into it stay. */}
        <Link
          href="/privacy"
          target="_blank"
          className="inline-flex min-h-11 items-center text-brand-700 underline"
          data-testid="privacy-link"
        >
          {t("read")}
        </Link>
      </p>
      {error ? (
        <p id="privacyConsent-error" className="text-berry-600 text-sm" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
