"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";
import { setTextRemindersAction } from "../actions";
import type { TextRemindersInput } from "../schemas";

type State = ActionState<TextRemindersInput>;

/** Whether the evening before a session the visitor gets a text reminder (on unless turned off). */
export function TextRemindersForm({ enabled }: { enabled: boolean }) {
  const t = useTranslations("account.textReminders");
  const [state, formAction, pending] = useActionState(setTextRemindersAction, { status: "idle" } as State);
  const current = state.status === "success" ? state.data.textReminders : enabled;
  return (
    <form action={formAction} className="mt-4 space-y-3 rounded-xl bg-white p-4 shadow-sm" data-testid="text-reminders">
      <h3 className="font-medium">{t("title")}</h3>
      {state.status === "error" ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-2 text-brand-900 text-sm">
          {t(current ? "savedOn" : "savedOff")}
        </p>
      ) : null}
      <div className="flex items-start gap-2 text-sm">
        <input
          id="textReminders"
          name="textReminders"
          type="checkbox"
          className="mt-1 h-4 w-4 shrink-0"
          defaultChecked={current}
          aria-describedby="textReminders-hint"
        />
        <label htmlFor="textReminders" className="text-stone-800">
          {t("label")}
        </label>
      </div>
      <p id="textReminders-hint" className="text-stone-500 text-xs">
        {t("hint")}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("save")}
      </Button>
    </form>
  );
}
