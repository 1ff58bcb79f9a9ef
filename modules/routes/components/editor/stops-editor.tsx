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
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { StopRow } from "./stop-row";
import type { EditorStop, PlaceOption } from "./types";

type Props = {
  stops: EditorStop[];
  places: Map<string, PlaceOption>;
  errors: Record<string, string>;
  onChange: (stops: EditorStop[]) => void;
};

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
