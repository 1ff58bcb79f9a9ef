import type { LngLat } from "@/lib/geo";
import type { CategorySlug } from "../../categories";

export type EditorStop = {
  /** Stable key for drag and drop. */
  key: string;
  placeId?: string;
  newPlace?: { nameZh: string; nameEn: string; lat: number; lng: number };
  suggestedMinutes: number;
  noteZh: string;
  noteEn: string;
};

export type EditorState = {
  id?: string;
  slug: string;
  category: CategorySlug;
  difficulty: "easy" | "moderate" | "hard";
  titleZh: string;
  titleEn: string;
  summaryZh: string;
  summaryEn: string;
  descriptionZh: string;
  descriptionEn: string;
  gettingThereZh: string;
  gettingThereEn: string;
  coverImageUrl: string;
  months: number[];
  stops: EditorStop[];
  /** null: the path follows the stops. */
  path: LngLat[] | null;
};

export type PlaceOption = { id: string; nameZh: string; nameEn: string; lat: number; lng: number };

export function newKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** The payload the save action parses (see routeInputSchema). */
export function toPayload(state: EditorState) {
  return {
    id: state.id,
    slug: state.slug,
    category: state.category,
    difficulty: state.difficulty,
    titleZh: state.titleZh,
    titleEn: state.titleEn,
    summaryZh: state.summaryZh,
    summaryEn: state.summaryEn,
    descriptionZh: state.descriptionZh,
    descriptionEn: state.descriptionEn,
    gettingThereZh: state.gettingThereZh,
    gettingThereEn: state.gettingThereEn,
    coverImageUrl: state.coverImageUrl,
    months: state.months,
    stops: state.stops.map(({ key: _key, ...s }) => s),
    path: state.path,
  };
}
