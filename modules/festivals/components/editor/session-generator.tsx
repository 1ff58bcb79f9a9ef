"use client";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { generateSessions, type SessionDraft } from "../../editor-values";
import { inputClass } from "./fields";
import { GeneratorLabel, type Slot, SlotList, WeekdayPicker } from "./generator-parts";

/** "Every Fri–Sun between two dates, at these times, capacity N" → sessions added to the list. */
export function SessionGenerator(props: {
  from: string;
  to: string;
  onGenerate: (sessions: SessionDraft[]) => number;
}) {
  const t = useTranslations("festivalEditor.generator");
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
      <WeekdayPicker weekdays={weekdays} setWeekdays={setWeekdays} />
      <SlotList slots={slots} setSlots={setSlots} />
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
