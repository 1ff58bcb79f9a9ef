"use client";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useEffect } from "react";
import { pick } from "@/lib/localized";
import type { CheckInResponseBody } from "../api";

type Result = CheckInResponseBody["result"];

/** The server's answer, or the one the device gave on its own (offline: no name or order there). */
export type ShownAnswer = CheckInResponseBody & { offline?: boolean };
type Key = "ok" | "conflict" | "alreadyUsed" | "wrongSession" | "cancelled" | "unknown" | "forged";

// Green admits; amber is a ticket that exists but not now; red is no ticket at all.
const LOOK: Record<Result, { className: string; mark: string; key: Key; ms: number }> = {
  ok: { className: "bg-green-700 text-white", mark: "✓", key: "ok", ms: 3000 },
  conflict: { className: "bg-amber-400 text-stone-950", mark: "!", key: "conflict", ms: 6000 },
  already_used: { className: "bg-amber-400 text-stone-950", mark: "!", key: "alreadyUsed", ms: 6000 },
  wrong_session: { className: "bg-amber-400 text-stone-950", mark: "!", key: "wrongSession", ms: 6000 },
  cancelled: { className: "bg-red-700 text-white", mark: "✕", key: "cancelled", ms: 6000 },
  unknown: { className: "bg-red-700 text-white", mark: "✕", key: "unknown", ms: 6000 },
  forged: { className: "bg-red-700 text-white", mark: "✕", key: "forged", ms: 6000 },
};

/** The full-screen answer to one scan; a tap, or a few seconds, make way for the next ticket. */
export function GateAnswer({ answer, onDismiss }: { answer: ShownAnswer; onDismiss: () => void }) {
  const t = useTranslations("checkIn");
  const locale = useLocale();
  const format = useFormatter();
  const look = LOOK[answer.result];
  useEffect(() => {
    const timer = setTimeout(onDismiss, look.ms);
    return () => clearTimeout(timer);
  }, [onDismiss, look.ms]);

  const ticket = answer.ticket;
  const when = (iso: string) =>
    format.dateTime(new Date(iso), {
      month: "short",
      day: "numeric",
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
    });
  const sessionTime = ticket
    ? `${when(ticket.session.startsAt)}–${format.dateTime(new Date(ticket.session.endsAt), { hour: "2-digit", minute: "2-digit" })}`
    : "";
  const checkedAt = ticket?.checkedInAt
    ? format.dateTime(new Date(ticket.checkedInAt), {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      })
    : null;

  return (
    <div
      role="alert"
      className="fixed inset-0 z-50"
      data-testid="check-in-answer"
      data-result={answer.result}
      data-offline={answer.offline ? "true" : undefined}
    >
      <button
        type="button"
        onClick={onDismiss}
        className={`flex h-full w-full flex-col items-center justify-center gap-4 p-6 text-center ${look.className}`}
      >
        <span aria-hidden="true" className="font-bold text-8xl leading-none">
          {look.mark}
        </span>
        <span className="font-bold text-4xl sm:text-5xl">
          {answer.result === "wrong_session" && ticket?.otherFestival
            ? t("result.otherFestival", { festival: pick(ticket.festival, locale) })
            : t(`result.${look.key}`)}
        </span>
        {answer.result === "already_used" && checkedAt ? (
          <span className="font-semibold text-2xl">{t("result.alreadyUsedAt", { time: checkedAt })}</span>
        ) : null}
        {answer.result === "wrong_session" && ticket ? (
          <span className="font-semibold text-2xl">
            {ticket.otherFestival
              ? t("result.otherFestivalSession", {
                  festival: pick(ticket.festival, locale),
                  time: sessionTime,
                  label: ticket.session.label ? pick(ticket.session.label, locale) : "",
                })
              : t("result.wrongSessionAt", { time: sessionTime })}
          </span>
        ) : null}
        {answer.result === "unknown" ? <span className="text-xl">{t("result.unknownHint")}</span> : null}
        {ticket ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-left text-xl">
            <dt className="opacity-80">{t("ticket.type")}</dt>
            <dd className="font-semibold">{pick(ticket.ticketType, locale)}</dd>
            <dt className="opacity-80">{t("ticket.session")}</dt>
            <dd className="font-semibold">
              {sessionTime}
              {ticket.session.label ? ` ${pick(ticket.session.label, locale)}` : ""}
            </dd>
            {ticket.name ? (
              <>
                <dt className="opacity-80">{t("ticket.name")}</dt>
                <dd className="font-semibold">{ticket.name}</dd>
              </>
            ) : null}
            {ticket.orderCode ? (
              <>
                <dt className="opacity-80">{t("ticket.order")}</dt>
                <dd className="font-mono">{ticket.orderCode}</dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {answer.offline ? <span className="text-base opacity-90">{t("offline.decidedHere")}</span> : null}
        <span className="pt-4 text-sm opacity-80">{t("dismiss")}</span>
      </button>
    </div>
  );
}
