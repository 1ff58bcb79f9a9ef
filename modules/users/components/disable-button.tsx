"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import { setDisabledAction } from "../actions";

/** Disables an account (its sessions end at once) or enables it again. */
export function DisableButton({ id, name, disabled }: { id: string; name: string; disabled: boolean }) {
  const t = useTranslations("adminUsers");
  const router = useRouter();
  const [state, submit, pending] = useActionState(setDisabledAction, {
    status: "idle",
  } as ActionState<{ id: string; disabled: boolean; changed: boolean }>);
  useEffect(() => {
    if (state.status === "success") router.refresh();
  }, [state, router]);
  return (
    <form action={submit} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
      <button
        type="submit"
        disabled={pending}
        aria-label={disabled ? t("enableName", { name }) : t("disableName", { name })}
        className={`rounded-lg border px-3 py-1.5 disabled:opacity-60 ${disabled ? "border-brand-600 text-brand-700" : "border-berry-600 text-berry-600"}`}
      >
        {disabled ? t("enable") : t("disable")}
      </button>
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
