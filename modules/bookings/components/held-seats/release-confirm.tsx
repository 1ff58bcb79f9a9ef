"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";
import type { HoldGroupView as GroupView } from "../../hold-groups";

/**
 * The confirmation step before a group's holds are released: what will happen, in
 * numbers, and the choice to release only the orders with unproven numbers. Focus
 * moves to it when it opens, so a screen reader hears the question first.
 */
export function ReleaseConfirm({
  id,
  sessionId,
  group,
  release,
  pending,
  onKeep,
}: {
  id: string;
  sessionId: string;
  group: GroupView & { clientAddress: string };
  release: (data: FormData) => void;
  pending: boolean;
  onKeep: () => void;
}) {
  const t = useTranslations("bookings.holds");
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [unverifiedOnly, setUnverifiedOnly] = useState(false);
  useEffect(() => heading.current?.focus(), []);
  const orders = unverifiedOnly ? group.unverifiedOrders : group.orders;
  const seats = unverifiedOnly ? group.unverifiedSeats : group.seats;
  // The choice matters only when the group holds both proven and unproven numbers.
  const canNarrow = group.unverifiedOrders > 0 && group.unverifiedOrders < group.orders;
  return (
    <form
      action={release}
      id={id}
      aria-labelledby={titleId}
      className="mt-3 space-y-3 rounded-xl border border-berry-600 bg-white p-4 text-sm"
      data-testid="release-confirm"
    >
      <input type="hidden" name="sessionId" value={sessionId} />
      <input type="hidden" name="clientAddress" value={group.clientAddress} />
      <input type="hidden" name="unverifiedOnly" value={unverifiedOnly ? "true" : "false"} />
      <h3 id={titleId} ref={heading} tabIndex={-1} className="font-semibold text-base">
        {t("confirmTitle", { address: group.clientAddress })}
      </h3>
      <p>{t("confirmBody", { orders, seats })}</p>
      {canNarrow ? (
        <label className="flex min-h-11 items-center gap-3">
          <input
            type="checkbox"
            checked={unverifiedOnly}
            onChange={(e) => setUnverifiedOnly(e.target.checked)}
            className="h-5 w-5"
          />
          {t("unverifiedOnly", { orders: group.unverifiedOrders, seats: group.unverifiedSeats })}
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <button
          type="submit"
          disabled={pending}
          className="min-h-11 rounded-lg bg-berry-600 px-4 py-2 text-white disabled:opacity-50"
        >
          {pending ? t("releasing") : t("confirm", { orders, seats })}
        </button>
        <button
          type="button"
          onClick={onKeep}
          className="min-h-11 rounded-lg border border-stone-300 px-4 py-2 text-stone-700"
        >
          {t("keep")}
        </button>
      </div>
    </form>
  );
}
