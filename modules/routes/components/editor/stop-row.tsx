"use client";
import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import type { EditorStop } from "./types";

const small = "rounded border border-stone-300 px-2 py-0.5 text-xs disabled:opacity-40";
const field = "mt-0.5 block w-full rounded border border-stone-300 px-2 py-1";

/** One stop: its handle, number and name, the arrows and remove, then its minutes and notes. */
export function StopRow({
  stop,
  index,
  count,
  name,
  error,
  update,
  move,
  remove,
}: {
  stop: EditorStop;
  index: number;
  count: number;
  name: string;
  error?: string;
  update: (patch: Partial<EditorStop>) => void;
  move: (to: number) => void;
  remove: () => void;
}) {
  const t = useTranslations("adminRoutes");
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({ id: stop.key });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className="rounded-lg border border-stone-200 bg-white p-3"
      data-testid="editor-stop"
    >
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="cursor-grab px-1 text-stone-400"
          aria-label={t("dragStop")}
          {...attributes}
          {...listeners}
        >
          ⠿
        </button>
        <span className="flex h-6 w-6 items-center justify-center rounded-full bg-brand-700 text-white text-xs">
          {index + 1}
        </span>
        <span className="flex-1 font-medium">{name}</span>
        <button
          type="button"
          className={small}
          disabled={index === 0}
          onClick={() => move(index - 1)}
          aria-label={t("moveUp", { name })}
        >
          ↑
        </button>
        <button
          type="button"
          className={small}
          disabled={index === count - 1}
          onClick={() => move(index + 1)}
          aria-label={t("moveDown", { name })}
        >
          ↓
        </button>
        <button type="button" className={small} onClick={remove} aria-label={t("removeStop", { name })}>
          ✕
        </button>
      </div>
      <StopDetails stop={stop} update={update} />
      {error ? (
        <p role="alert" className="mt-1 text-berry-600 text-sm">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** How long to stay, and a note in each language. */
function StopDetails({ stop, update }: { stop: EditorStop; update: (patch: Partial<EditorStop>) => void }) {
  const t = useTranslations("adminRoutes");
  return (
    <div className="mt-2 grid gap-2 sm:grid-cols-3">
      <label className="text-xs">
        {t("minutes")}
        <input
          type="number"
          min={5}
          max={600}
          value={stop.suggestedMinutes}
          onChange={(e) => update({ suggestedMinutes: Number(e.target.value) })}
          className={field}
        />
      </label>
      <label className="text-xs">
        {t("noteZh")}
        <input value={stop.noteZh} onChange={(e) => update({ noteZh: e.target.value })} className={field} />
      </label>
      <label className="text-xs">
        {t("noteEn")}
        <input value={stop.noteEn} onChange={(e) => update({ noteEn: e.target.value })} className={field} />
      </label>
    </div>
  );
}
