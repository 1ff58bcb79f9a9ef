"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

export type Contact = { name: string; phone: string; email: string };

/** The name, mobile number and e-mail the offer of a seat goes to. */
export function ContactFields({
  customer,
  onChange,
  error,
}: {
  customer: Contact;
  onChange: (customer: Contact) => void;
  /** The answer's error for a field, by its name. */
  error: (name: string) => string | undefined;
}) {
  const t = useTranslations("waitlist");
  const tb = useTranslations("basket");
  return (
    <>
      <Field
        name="waitlist-name"
        label={tb("name")}
        autoComplete="name"
        required
        maxLength={60}
        value={customer.name}
        error={error("name")}
        onChange={(e) => onChange({ ...customer, name: e.target.value })}
      />
      <Field
        name="waitlist-phone"
        label={tb("phone")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        value={customer.phone}
        error={error("phone")}
        onChange={(e) => onChange({ ...customer, phone: e.target.value })}
      />
      <Field
        name="waitlist-email"
        label={tb("email")}
        type="email"
        autoComplete="email"
        required
        hint={t("emailHint")}
        value={customer.email}
        error={error("email")}
        onChange={(e) => onChange({ ...customer, email: e.target.value })}
      />
    </>
  );
}
