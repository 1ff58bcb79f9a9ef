"use client";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { releaseHoldsAction } from "../../actions";
import type { HoldGroupView as GroupView } from "../../hold-groups";
import { ReleaseConfirm } from "./release-confirm";

type ReleaseState = Awaited<ReturnType<typeof releaseHoldsAction>>;

/** What the release answered, kept under the table while the refreshed rows change. */
function ReleaseFeedback({ state }: { state: ReleaseState }) {
  const t = useTranslations("bookings.holds");
  if (state.status === "error") {
    const details = Object.values(state.fields);
    return (
      <p role="alert" className="mt-2 text-berry-600 text-sm">
        {[state.message, ...details].join(" ")}
      </p>
    );
  }
  if (state.status !== "success") return null;
  const { orders, seats, skipped, remaining } = state.data;
  return (
    <p role="status" className="mt-2 text-brand-700 text-sm" data-testid="release-result">
      {t("released", { orders, seats })}
      {skipped > 0 ? ` ${t("skipped", { count: skipped })}` : ""}
      {remaining > 0 ? ` ${t("remaining", { count: remaining })}` : ""}
    </p>
  );
}

function GroupRow({
  group,
  open,
  panelId,
  onChoose,
}: {
  group: GroupView;
  open: boolean;
  panelId: string;
  onChoose: (address: string) => void;
}) {
  const t = useTranslations("bookings.holds");
  const address = group.clientAddress;
  return (
    <tr className="border-stone-100 border-t align-top" data-hold-group={address ?? ""}>
      <th scope="row" className="p-2 text-left font-normal">
        {address ? <span className="break-all font-mono">{address}</span> : t("noAddress")}
      </th>
      <td className="p-2 text-right" data-stat="orders">
        {group.orders}
      </td>
      <td className="p-2 text-right" data-stat="seats">
        {group.seats}
      </td>
      <td className="p-2 text-right" data-stat="unverified">
        {group.unverifiedOrders}
      </td>
      <td className="whitespace-nowrap p-2">{group.firstHeldAt}</td>
      <td className="whitespace-nowrap p-2">{group.lastHeldAt}</td>
      <td className="p-2 font-mono text-xs">
        {group.phones.join(", ")}
        {group.otherPhones > 0 ? ` ${t("morePhones", { count: group.otherPhones })}` : ""}
      </td>
      <td className="p-2">
        {address ? (
          <button
            type="button"
            onClick={() => onChoose(address)}
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            aria-label={t("releaseLabel", { address })}
            className="min-h-11 min-w-11 rounded-lg border border-berry-600 px-3 py-2 text-berry-600"
          >
            {t("release")}
          </button>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}

/**
 * One session's unpaid holds by client address, largest first; each group with an
 * address can be released after a confirmation step.
 */
export function HoldGroupsTable({
  sessionId,
  caption,
  groups,
}: {
  sessionId: string;
  caption: string;
  groups: GroupView[];
}) {
  const t = useTranslations("bookings.holds");
  const router = useRouter();
  const panelId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [state, release, pending] = useActionState(releaseHoldsAction, { status: "idle" });
  useEffect(() => {
    if (state.status === "success") {
      setChosen(null);
      router.refresh();
    }
  }, [state, router]);
  const group = groups.find((g) => g.clientAddress !== null && g.clientAddress === chosen);
  return (
    <>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="p-2">
                {t("address")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("orders")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("seats")}
              </th>
              <th scope="col" className="p-2 text-right">
                {t("unverified")}
              </th>
              <th scope="col" className="p-2">
                {t("firstHeld")}
              </th>
              <th scope="col" className="p-2">
                {t("lastHeld")}
              </th>
              <th scope="col" className="p-2">
                {t("phones")}
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <GroupRow
                key={g.clientAddress ?? ""}
                group={g}
                open={g.clientAddress === chosen}
                panelId={panelId}
                onChoose={setChosen}
              />
            ))}
          </tbody>
        </table>
      </div>
      {group?.clientAddress ? (
        <ReleaseConfirm
          key={group.clientAddress}
          id={panelId}
          sessionId={sessionId}
          group={{ ...group, clientAddress: group.clientAddress }}
          release={release}
          pending={pending}
          onKeep={() => setChosen(null)}
        />
      ) : null}
      <ReleaseFeedback state={state} />
    </>
  );
}
