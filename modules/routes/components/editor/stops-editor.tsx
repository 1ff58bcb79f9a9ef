"use client";
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import type { EditorStop, PlaceOption } from "./types";

type Props = {
  stops: EditorStop[];
  places: Map<string, PlaceOption>;
  errors: Record<string, string>;
  onChange: (stops: EditorStop[]) => void;
};

function StopRow({
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
  const small = "rounded border border-stone-300 px-2 py-0.5 text-xs disabled:opacity-40";
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
      <div className="mt-2 grid gap-2 sm:grid-cols-3">
        <label className="text-xs">
          {t("minutes")}
          <input
            type="number"
            min={5}
            max={600}
            value={stop.suggestedMinutes}
            onChange={(e) => update({ suggestedMinutes: Number(e.target.value) })}
            className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="text-xs">
          {t("noteZh")}
          <input
            value={stop.noteZh}
            onChange={(e) => update({ noteZh: e.target.value })}
            className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="text-xs">
          {t("noteEn")}
          <input
            value={stop.noteEn}
            onChange={(e) => update({ noteEn: e.target.value })}
            className="mt-0.5 block w-full rounded border border-stone-300 px-2 py-1"
          />
        </label>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-berry-600 text-sm">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/** Ordered stops: drag (pointer or keyboard) or use the arrows to reorder. */
export function StopsEditor({ stops, places, errors, onChange }: Props) {
  const sensors = useSensors(
    useSensor(PointerSensor),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  function onDragEnd(e: DragEndEvent) {
    if (!e.over || e.active.id === e.over.id) return;
    const from = stops.findIndex((s) => s.key === e.active.id);
    const to = stops.findIndex((s) => s.key === e.over?.id);
    onChange(arrayMove(stops, from, to));
  }
  const nameOf = (s: EditorStop) => {
    if (s.newPlace) return s.newPlace.nameZh;
    const p = s.placeId ? places.get(s.placeId) : undefined;
    return p ? `${p.nameZh} · ${p.nameEn}` : "?";
  };
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={stops.map((s) => s.key)} strategy={verticalListSortingStrategy}>
        <ol className="space-y-2">
          {stops.map((stop, i) => (
            <StopRow
              key={stop.key}
              stop={stop}
              index={i}
              count={stops.length}
              name={nameOf(stop)}
              error={errors[`stops.${i}`]}
              update={(patch) => onChange(stops.map((s, j) => (j === i ? { ...s, ...patch } : s)))}
              move={(to) => onChange(arrayMove(stops, i, to))}
              remove={() => onChange(stops.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
