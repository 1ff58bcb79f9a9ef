"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { type Contact, ContactFields } from "@/modules/auth/components/contact-fields";

/** The buyer's name, mobile number and e-mail; a guest is offered to sign in instead. */
export function CustomerDetails({
  customer,
  onChange,
  errors,
  anonymous,
}: {
  customer: Contact;
  onChange: (customer: Contact) => void;
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
      <ContactFields
        contact={customer}
        onChange={onChange}
        error={(name) => errors?.[name]}
        hints={{ phone: t("phoneHint"), email: t("emailHint") }}
      />
    </section>
  );
}
