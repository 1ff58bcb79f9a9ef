"use client";
import { useFormatter, useTranslations } from "next-intl";

type Props = {
  online: boolean;
  queued: number;
  lastSync: string | null;
  syncing: boolean;
  stale: boolean;
  conflicts: number;
  /** Tickets in the manifest kept on this device, or null when none was downloaded. */
  tickets: number | null;
  onSync: () => void;
};

/** Whether the gate is online, when it last synced, what waits to sync, and a warning when it has been too long. */
export function GateStatus({ online, queued, lastSync, syncing, stale, conflicts, tickets, onSync }: Props) {
  const t = useTranslations("checkIn.offline");
  const format = useFormatter();
  return (
    <section
      className={`space-y-2 rounded-xl border p-3 text-sm ${online ? "border-stone-200 bg-white" : "border-amber-400 bg-amber-50"}`}
      data-testid="gate-status"
      data-online={online ? "true" : "false"}
      aria-live="polite"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span className="flex items-center gap-1.5 font-semibold">
          <span
            aria-hidden="true"
            className={`inline-block h-2.5 w-2.5 rounded-full ${online ? "bg-green-600" : "bg-amber-500"}`}
          />
          {online ? t("online") : t("offline")}
        </span>
        <span data-testid="gate-last-sync">
          {lastSync
            ? t("lastSync", {
                time: format.dateTime(new Date(lastSync), { hour: "2-digit", minute: "2-digit", second: "2-digit" }),
              })
            : t("neverSynced")}
        </span>
        <span data-testid="gate-queued" data-count={queued}>
          {t("queued", { count: queued })}
        </span>
        {tickets !== null ? <span className="text-stone-600">{t("tickets", { count: tickets })}</span> : null}
      </div>
      {stale ? (
        <p role="alert" className="font-semibold text-amber-900" data-testid="gate-stale">
          {t("stale")}
        </p>
      ) : null}
      {conflicts > 0 ? (
        <p className="text-amber-900" data-testid="gate-conflicts">
          {t("conflicts", { count: conflicts })}
        </p>
      ) : null}
      <button
        type="button"
        onClick={onSync}
        disabled={!online || syncing}
        className="w-full rounded-lg border border-brand-600 px-3 py-2 font-medium text-brand-700 disabled:opacity-50"
      >
        {syncing ? t("syncing") : t("syncNow", { count: queued })}
      </button>
    </section>
  );
}
