"use client";
import { useFormatter, useTranslations } from "next-intl";
import { dateInMonth } from "@/lib/months";
import { FieldAlert } from "./route-fields";

/** The months the route is at its best, one checkbox each. */
export function BestMonths({
  months,
  error,
  onChange,
}: {
  months: number[];
  error?: string;
  onChange: (months: number[]) => void;
}) {
  const tc = useTranslations("routes");
  const format = useFormatter();
  return (
    <fieldset>
      <legend className="font-medium text-sm">{tc("bestMonths")}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
          <label key={m} className="flex items-center gap-1 rounded border border-stone-300 bg-white px-2 py-1 text-sm">
            <input
              type="checkbox"
              checked={months.includes(m)}
              onChange={(e) => onChange(e.target.checked ? [...months, m] : months.filter((x) => x !== m))}
            />
            {format.dateTime(dateInMonth(m), { month: "short" })}
          </label>
        ))}
      </div>
      <FieldAlert message={error} />
    </fieldset>
  );
}
