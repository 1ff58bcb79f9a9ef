"use client";
import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";

/** The new password, typed twice: for changing it on the account page and for a reset link. */
export function NewPasswordFields({ errors }: { errors: { newPassword?: string; repeatPassword?: string } }) {
  const t = useTranslations("auth");
  return (
    <>
      <Field
        name="newPassword"
        type="password"
        label={t("newPassword")}
        autoComplete="new-password"
        hint={t("passwordHint")}
        error={errors.newPassword}
        required
      />
      <Field
        name="repeatPassword"
        type="password"
        label={t("repeatPassword")}
        autoComplete="new-password"
        error={errors.repeatPassword}
        required
      />
    </>
  );
}
