"use client";
import { useTranslations } from "next-intl";
import { maskPhone } from "@/lib/phone";
import { PhoneCodeFields } from "@/modules/auth/components/phone-code-fields";

/**
 * In place, when the order needs the buyer's number proven (more than 4 seats of a
 * session with an unproven number, or a crowded network): one tap sends the code,
 * the code field is here, and placing the order again proves the number first.
 */
export function PhoneCheck({ phone, message, codeError }: { phone: string; message: string; codeError?: string }) {
  const t = useTranslations("basket.phoneCheck");
  return (
    <section
      aria-labelledby="phone-check-title"
      className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4"
      data-testid="phone-check"
    >
      <h3 id="phone-check-title" className="font-semibold text-stone-900">
        {t("title", { phone: maskPhone(phone) })}
      </h3>
      <p className="text-sm text-stone-700">{message}</p>
      <PhoneCodeFields phone={phone} codeName="phoneCode" codeError={codeError} />
    </section>
  );
}
