"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { Link } from "@/lib/i18n/navigation";
import type { Customer } from "./use-place-order";

/** The buyer's name, mobile number and e-mail; a guest is offered to sign in instead. */
export function CustomerDetails({
  customer,
  onChange,
  errors,
  anonymous,
}: {
  customer: Customer;
  onChange: (customer: Customer) => void;
  errors: Record<string, string> | undefined;
  anonymous: boolean;
}) {
  const t = useTranslations("basket");
  return (
    <section aria-labelledby="customer-heading" className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="customer-heading" className="font-semibold text-lg">
        {t("yourDetails")}
      </h2>
      {anonymous ? (
        <p className="text-sm text-stone-600">
          {t("guestNote")}{" "}
          <Link href="/sign-in?callbackUrl=/checkout" className="text-brand-700 underline">
            {t("signInInstead")}
          </Link>
        </p>
      ) : null}
      <Field
        name="name"
        label={t("name")}
        autoComplete="name"
        required
        maxLength={60}
        value={customer.name}
        error={errors?.name}
        onChange={(e) => onChange({ ...customer, name: e.target.value })}
      />
      <Field
        name="phone"
        label={t("phone")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        hint={t("phoneHint")}
        value={customer.phone}
        error={errors?.phone}
        onChange={(e) => onChange({ ...customer, phone: e.target.value })}
      />
      <Field
        name="email"
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        hint={t("emailHint")}
        value={customer.email}
        error={errors?.email}
        onChange={(e) => onChange({ ...customer, email: e.target.value })}
      />
    </section>
  );
}
