"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import type { DeliveryAddress } from "../basket";

const EMPTY: DeliveryAddress = { name: "", phone: "", province: "", city: "", district: "", street: "" };
const PARTS = ["name", "phone", "province", "city", "district", "street"] as const;

/** A courier address in the order a Chinese address is written: province, city, district, street. */
export function AddressFields({
  value,
  errors,
  onChange,
}: {
  value: DeliveryAddress | undefined;
  errors: Record<string, string>;
  onChange: (address: DeliveryAddress) => void;
}) {
  const t = useTranslations("basket.address");
  const address = { ...EMPTY, ...value };
  return (
    <section aria-labelledby="address-heading" className="space-y-4 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="address-heading" className="font-semibold text-lg">
        {t("title")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {PARTS.map((part) => (
          <div key={part} className={part === "street" ? "sm:col-span-2" : undefined}>
            <Field
              name={`address-${part}`}
              label={t(part)}
              type={part === "phone" ? "tel" : "text"}
              inputMode={part === "phone" ? "tel" : undefined}
              autoComplete={
                {
                  name: "shipping name",
                  phone: "shipping tel",
                  province: "shipping address-level1",
                  city: "shipping address-level2",
                  district: "shipping address-level3",
                  street: "shipping street-address",
                }[part]
              }
              required
              maxLength={part === "street" ? 120 : part === "name" ? 60 : 30}
              value={address[part]}
              error={errors[part]}
              onChange={(e) => onChange({ ...address, [part]: e.target.value })}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
