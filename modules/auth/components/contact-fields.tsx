"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** A person's contact as orders and waiting-list entries take it (schemas.ts#customerSchema). */
export type Contact = { name: string; phone: string; email: string };

/**
 * The name, mobile number and e-mail fields of the checkout and the waiting list. `prefix`
 * keeps the inputs' names apart where two such forms share a page; `hints` are the
 * form's own words on what each contact is for.
 */
export function ContactFields({
  contact,
  onChange,
  error,
  prefix = "",
  hints = {},
}: {
  contact: Contact;
  onChange: (contact: Contact) => void;
  /** The answer's error for a field, by its name. */
  error: (name: keyof Contact) => string | undefined;
  prefix?: string;
  hints?: { phone?: string; email?: string };
}) {
  const t = useTranslations("basket");
  return (
    <>
      <Field
        name={`${prefix}name`}
        label={t("name")}
        autoComplete="name"
        required
        maxLength={60}
        value={contact.name}
        error={error("name")}
        onChange={(e) => onChange({ ...contact, name: e.target.value })}
      />
      <Field
        name={`${prefix}phone`}
        label={t("phone")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        hint={hints.phone}
        value={contact.phone}
        error={error("phone")}
        onChange={(e) => onChange({ ...contact, phone: e.target.value })}
      />
      <Field
        name={`${prefix}email`}
        label={t("email")}
        type="email"
        autoComplete="email"
        required
        hint={hints.email}
        value={contact.email}
        error={error("email")}
        onChange={(e) => onChange({ ...contact, email: e.target.value })}
      />
    </>
  );
}
