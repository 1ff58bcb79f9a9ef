"use client";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Leaves the waiting list (DELETE with the entry's token): a deliberate click, never on opening the page. */
export function LeaveWaitlist({
  slug,
  entryId,
  token,
  offered,
}: {
  slug: string;
  entryId: string;
  token: string;
  offered: boolean;
}) {
  const t = useTranslations("waitlist");
  const locale = useLocale();
  const [state, setState] = useState<"idle" | "pending" | "left" | { error: string }>("idle");

  async function leave() {
    setState("pending");
    try {
      const res = await fetch(
        `/api/festivals/${slug}/waitlist/${entryId}?token=${encodeURIComponent(token)}&lang=${locale === "en" ? "en" : "zh"}`,
        { method: "DELETE" },
      );
      const body = (await res.json()) as { message?: string };
      setState(res.ok ? "left" : { error: body.message ?? t("leaveFailed") });
    } catch {
      setState({ error: t("leaveFailed") });
    }
  }

  if (state === "left") {
    return (
      <p role="status" className="rounded-lg bg-brand-50 p-3 text-brand-900" data-testid="waitlist-left">
        {t("left")}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-stone-600">{offered ? t("leaveOfferedNote") : t("leaveNote")}</p>
      <Button type="button" onClick={leave} disabled={state === "pending"}>
        {t("leave")}
      </Button>
      {typeof state === "object" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
