import type { OutboxStatus } from "../queries";

const STYLES: Record<OutboxStatus, string> = {
  sent: "bg-brand-100 text-brand-900",
  queued: "bg-stone-200 text-stone-700",
  failed: "bg-red-100 text-red-800",
};

export function StatusBadge({ status, label }: { status: OutboxStatus; label: string }) {
  return (
    <span className={`whitespace-nowrap rounded-full px-2 py-0.5 text-xs ${STYLES[status]}`} data-status={status}>
      {label}
    </span>
  );
}
