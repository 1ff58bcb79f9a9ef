"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { Dispatch, SetStateAction } from "react";
import { inputClass, smallInputClass } from "./fields";

// Monday first, as Chinese calendars are; values are Date.getDay numbers.
const WEEK = [1, 2, 3, 4, 5, 6, 0];
// 7 January 2024 was a Sunday: a fixed date per weekday, named by the browser's Intl.
const dayName = (weekday: number) => new Date(Date.UTC(2024, 0, 7 + weekday, 12));

export type Slot = { key: number; start: string; end: string };

/** The weekdays to generate sessions on, Monday first. */
export function WeekdayPicker({
  weekdays,
  setWeekdays,
}: {
  weekdays: number[];
  setWeekdays: Dispatch<SetStateAction<number[]>>;
}) {
  const t = useTranslations("festivalEditor.generator");
  const format = useFormatter();
  return (
    <fieldset className="mt-3">
      <legend className="text-sm">{t("weekdays")}</legend>
      <div className="mt-1 flex flex-wrap gap-1.5">
        {WEEK.map((d) => (
          <label
            key={d}
            className="flex items-center gap-1 rounded border border-stone-300 bg-white px-2 py-1.5 text-sm"
          >
            <input
              type="checkbox"
              checked={weekdays.includes(d)}
              onChange={(e) => setWeekdays((w) => (e.target.checked ? [...w, d] : w.filter((x) => x !== d)))}
            />
            {format.dateTime(dayName(d), { weekday: "short", timeZone: "UTC" })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The day's time slots: a start and end each, removable, and one more to add. */
export function SlotList({ slots, setSlots }: { slots: Slot[]; setSlots: Dispatch<SetStateAction<Slot[]>> }) {
  const t = useTranslations("festivalEditor.generator");
  const setSlot = (key: number, patch: Partial<Slot>) =>
    setSlots((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));
  return (
    <fieldset className="mt-3">
      <legend className="text-sm">{t("slots")}</legend>
      <ul className="mt-1 space-y-1.5">
        {slots.map((slot, i) => (
          <li key={slot.key} className="flex items-center gap-2">
            <input
              type="time"
              aria-label={t("slotStart", { n: i + 1 })}
              className={`${smallInputClass} w-32`}
              value={slot.start}
              onChange={(e) => setSlot(slot.key, { start: e.target.value })}
            />
            –
            <input
              type="time"
              aria-label={t("slotEnd", { n: i + 1 })}
              className={`${smallInputClass} w-32`}
              value={slot.end}
              onChange={(e) => setSlot(slot.key, { end: e.target.value })}
            />
            <button
              type="button"
              className="rounded border border-stone-300 px-2 py-1 text-sm"
              aria-label={t("removeSlot", { n: i + 1 })}
              onClick={() => setSlots((list) => list.filter((s) => s.key !== slot.key))}
            >
              ✕
            </button>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="mt-1.5 text-brand-700 text-sm underline"
        onClick={() =>
          setSlots((list) => [...list, { key: Math.max(0, ...list.map((s) => s.key)) + 1, start: "", end: "" }])
        }
      >
        + {t("addSlot")}
      </button>
    </fieldset>
  );
}

/** A label for the generated sessions, in one language. */
export function GeneratorLabel(props: { label: "labelZh" | "labelEn"; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("festivalEditor.session");
  return (
    <label className="text-sm">
      {t(props.label)}
      <input className={inputClass} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}
