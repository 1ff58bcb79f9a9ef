"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { generateSessions, type SessionDraft } from "../../editor-values";
import { inputClass, smallInputClass } from "./fields";

// Monday first, as Chinese calendars are; values are Date.getDay numbers.
const WEEK = [1, 2, 3, 4, 5, 6, 0];
// 7 January 2024 was a Sunday: a fixed date per weekday, named by the browser's Intl.
const dayName = (weekday: number) => new Date(Date.UTC(2024, 0, 7 + weekday, 12));

type Slot = { key: number; start: string; end: string };

/** "Every Fri–Sun between two dates, at these times, capacity N" → sessions added to the list. */
export function SessionGenerator(props: {
  from: string;
  to: string;
  onGenerate: (sessions: SessionDraft[]) => number;
}) {
  const t = useTranslations("festivalEditor.generator");
  const format = useFormatter();
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [weekdays, setWeekdays] = useState<number[]>([5, 6, 0]);
  const [slots, setSlots] = useState<Slot[]>([
    { key: 1, start: "08:00", end: "10:00" },
    { key: 2, start: "10:00", end: "12:00" },
    { key: 3, start: "14:00", end: "16:00" },
  ]);
  const [capacity, setCapacity] = useState("100");
  const [labelZh, setLabelZh] = useState("");
  const [labelEn, setLabelEn] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  function generate() {
    const result = generateSessions({
      from: from || props.from,
      to: to || props.to,
      weekdays,
      slots,
      capacity: /^\d+$/.test(capacity.trim()) ? Number(capacity) : Number.NaN,
      labelZh,
      labelEn,
    });
    if (!result.ok) {
      setMessage({ ok: false, text: t(`problems.${result.problem}`) });
      return;
    }
    setMessage({ ok: true, text: t("added", { count: props.onGenerate(result.sessions) }) });
  }

  const setSlot = (key: number, patch: Partial<Slot>) =>
    setSlots((list) => list.map((s) => (s.key === key ? { ...s, ...patch } : s)));

  return (
    <details className="rounded-xl border border-brand-100 bg-brand-50 p-3" data-testid="session-generator">
      <summary className="cursor-pointer font-medium text-brand-900">{t("title")}</summary>
      <p className="mt-2 text-sm text-stone-600">{t("hint")}</p>
      <div className="mt-3 grid grid-cols-2 gap-2 sm:max-w-md">
        <label className="text-sm">
          {t("from")}
          <input
            type="date"
            className={inputClass}
            value={from || props.from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </label>
        <label className="text-sm">
          {t("to")}
          <input type="date" className={inputClass} value={to || props.to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
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
      <div className="mt-3 grid gap-2 sm:grid-cols-3">
        <label className="text-sm">
          {t("capacity")}
          <input
            inputMode="numeric"
            className={inputClass}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
          />
        </label>
        <GeneratorLabel label="labelZh" value={labelZh} onChange={setLabelZh} />
        <GeneratorLabel label="labelEn" value={labelEn} onChange={setLabelEn} />
      </div>
      <button type="button" className="mt-3 rounded-lg bg-brand-600 px-4 py-2 text-white" onClick={generate}>
        {t("generate")}
      </button>
      {message ? (
        <p
          role={message.ok ? "status" : "alert"}
          className={`mt-2 text-sm ${message.ok ? "text-brand-900" : "text-berry-600"}`}
        >
          {message.text}
        </p>
      ) : null}
    </details>
  );
}

function GeneratorLabel(props: { label: "labelZh" | "labelEn"; value: string; onChange: (v: string) => void }) {
  const t = useTranslations("festivalEditor.session");
  return (
    <label className="text-sm">
      {t(props.label)}
      <input className={inputClass} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}
