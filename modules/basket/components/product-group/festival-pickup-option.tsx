"use client";
import { useTranslations } from "next-intl";
import { type Basket, chooseFulfilment, type FulfilmentChoice } from "../../basket";

/** Pickup at the gate of a festival session the buyer holds a ticket for, and which session. */
export function FestivalPickupOption({
  name,
  workshopSlug,
  choice,
  sessions,
  update,
}: {
  /** The radio group's name. */
  name: string;
  workshopSlug: string;
  choice: FulfilmentChoice;
  sessions: { id: string; label: string }[];
  update: (change: (basket: Basket) => Basket) => void;
}) {
  const t = useTranslations("basket");
  return (
    <div className="space-y-1">
      <label className="flex gap-2">
        <input
          type="radio"
          name={name}
          checked={choice.method === "festival_pickup"}
          disabled={sessions.length === 0}
          onChange={() =>
            update((b) =>
              chooseFulfilment(b, workshopSlug, {
                method: "festival_pickup",
                sessionId: sessions[0]?.id ?? null,
              }),
            )
          }
        />
        <span>
          <span className="block">{t("methods.festival_pickup")}</span>
          {sessions.length === 0 ? (
            <span className="block text-sm text-stone-600">{t("festivalPickupNeedsTicket")}</span>
          ) : null}
        </span>
      </label>
      {choice.method === "festival_pickup" && sessions.length > 0 ? (
        <label className="ml-6 block text-sm">
          <span className="block text-stone-600">{t("pickupSession")}</span>
          <select
            className="min-h-11 mt-1 w-full rounded-lg border border-stone-300 bg-white px-2 py-2"
            value={choice.sessionId ?? ""}
            onChange={(e) =>
              update((b) =>
                chooseFulfilment(b, workshopSlug, {
                  method: "festival_pickup",
                  sessionId: e.target.value || null,
                }),
              )
            }
          >
            <option value="">{t("chooseSession")}</option>
            {sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
