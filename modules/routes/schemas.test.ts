import { describe, expect, it } from "vitest";
import { jsonPayload } from "@/lib/form-data";
import { SUOQIAN_REGION } from "@/lib/region";
import { routeInputSchema } from "./schemas";

const schema = routeInputSchema(SUOQIAN_REGION);

const valid = {
  slug: "Red-Memorial-Walk ",
  category: "red",
  difficulty: "easy",
  titleZh: "纪念馆步道",
  titleEn: "Memorial walk",
  summaryZh: "一句话",
  summaryEn: "One line",
  months: [5, 3, 3],
  stops: [
    { placeId: "p1", suggestedMinutes: 30 },
    { newPlace: { nameZh: "新地点", nameEn: "New place", lat: 30.07, lng: 120.3 }, suggestedMinutes: 20 },
  ],
  path: null,
};

function issues(input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("routeInputSchema", () => {
  it("normalises a valid route: slug lower-cased, months sorted and unique, empty texts defaulted", () => {
    const route = schema.parse(valid);
    expect(route.slug).toBe("red-memorial-walk");
    expect(route.months).toEqual([3, 5]);
    expect(route.descriptionZh).toBe("");
    expect(route.coverImageUrl).toBeNull();
  });

  it("needs at least two stops", () => {
    expect(issues({ ...valid, stops: [valid.stops[0]] })).toEqual({ stops: "validation.route.minStops" });
  });

  it("keeps every new place and path point inside the region", () => {
    const far = { newPlace: { nameZh: "西湖", nameEn: "West Lake", lat: 30.25, lng: 120.15 }, suggestedMinutes: 20 };
    expect(issues({ ...valid, stops: [valid.stops[0], far] })).toEqual({ "stops.1": "validation.route.outsideRegion" });
    expect(
      issues({
        ...valid,
        path: [
          [120.3, 30.07],
          [121.5, 31.2],
        ],
      }),
    ).toEqual({ path: "validation.route.pathOutsideRegion" });
  });

  it("names each bad field", () => {
    expect(
      issues({
        ...valid,
        slug: "bad slug!",
        titleZh: " ",
        months: [],
        category: "hiking",
        coverImageUrl: "javascript:alert(1)",
      }),
    ).toEqual({
      slug: "validation.route.slug",
      titleZh: "validation.required",
      months: "validation.route.months",
      category: "validation.route.category",
      coverImageUrl: "validation.route.coverUrl",
    });
  });

  it("wants exactly one of an existing place or a new one per stop", () => {
    expect(issues({ ...valid, stops: [{ suggestedMinutes: 10 }, valid.stops[1]] })).toEqual({
      "stops.0": "validation.route.stopPlace",
    });
  });

  it("reads the editor's JSON payload field, and treats broken JSON as invalid input", () => {
    const fromForm = jsonPayload(schema);
    expect(fromForm.parse({ payload: JSON.stringify(valid) }).slug).toBe("red-memorial-walk");
    expect(fromForm.safeParse({ payload: "{not json" }).success).toBe(false);
  });
});
