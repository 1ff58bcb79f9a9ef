import type { RouteDto } from "../../modules/routes/types";

/** A small, complete route as the read model returns it; override what a test is about. */
export function sampleRoute(overrides: Partial<RouteDto> = {}): RouteDto {
  return {
    slug: "cherry-walk",
    category: "picking",
    title: { zh: "樱桃 & 柑橘 <采摘>", en: "Cherries & citrus <picking>" },
    summary: { zh: "祥里王村采樱桃。", en: "Pick cherries at Xiangliwang." },
    description: { zh: "", en: "" },
    gettingThere: { zh: "地铁5号线转公交。", en: "Metro line 5, then bus." },
    difficulty: "easy",
    distanceMeters: 2345,
    durationMinutes: 150,
    months: [4, 5],
    coverImageUrl: null,
    path: [
      [120.29, 30.065],
      [120.285, 30.062],
      [120.28, 30.06],
    ],
    stops: [
      {
        position: 0,
        suggestedMinutes: 60,
        note: { zh: "先采樱桃", en: "Cherries first" },
        place: {
          slug: "xiangliwang",
          name: { zh: "祥里王村", en: "Xiangliwang village" },
          description: { zh: "樱桃园", en: "Cherry orchards" },
          lat: 30.065,
          lng: 120.29,
          openingHours: null,
          photoUrl: null,
        },
      },
      {
        position: 1,
        suggestedMinutes: 45,
        note: null,
        place: {
          slug: "aozhuangchen",
          name: { zh: "袄庄陈村", en: "Aozhuangchen village" },
          description: { zh: "", en: "" },
          lat: 30.06,
          lng: 120.28,
          openingHours: { zh: "8:00–17:00", en: "8:00–17:00" },
          photoUrl: null,
        },
      },
    ],
    updatedAt: "2026-11-27T03:00:00.000Z",
    ...overrides,
  };
}
