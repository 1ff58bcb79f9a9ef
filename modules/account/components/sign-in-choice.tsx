"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhoneSignInForm } from "./phone-sign-in-form";
import { SignInForm } from "./sign-in-form";

type Method = "phone" | "email";

/** Two ways in: a mobile number and a code (first, as visitors expect), or an e-mail and a password. */
export function SignInChoice({ callbackPath, initial }: { callbackPath: string | null; initial: Method }) {
  const t = useTranslations("phone");
  const [method, setMethod] = useState<Method>(initial);
  const tab = (value: Method, label: string) => (
    <button
      type="button"
      role="tab"
      id={`sign-in-tab-${value}`}
      aria-selected={method === value}
      aria-controls={`sign-in-panel-${value}`}
      onClick={() => setMethod(value)}
      className={`min-h-11 flex-1 rounded-lg px-3 py-2 font-medium text-sm ${
        method === value ? "bg-white text-brand-800 shadow-sm" : "text-stone-700"
      }`}
    >
      {label}
    </button>
  );
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label={t("methods")} className="flex gap-1 rounded-xl bg-stone-100 p-1">
        {tab("phone", t("tabPhone"))}
        {tab("email", t("tabEmail"))}
      </div>
      {/* Not named after its tab: "邮箱密码登录" would also be a label of "密码" for assistive tech and test tools. */}
      <div role="tabpanel" id={`sign-in-panel-${method}`}>
        {method === "phone" ? (
          <PhoneSignInForm callbackPath={callbackPath} />
        ) : (
          <SignInForm callbackPath={callbackPath} />
        )}
      </div>
    </div>
  );
}
