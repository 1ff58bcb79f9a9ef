import type { RouteCategory } from "@/generated/prisma/sqlite/enums";

// URL and API spelling of the categories (lower case), and their colour on maps and badges.
export const CATEGORY_SLUGS = ["red", "study", "picking"] as const;
export type CategorySlug = (typeof CATEGORY_SLUGS)[number];

const TO_ENUM: Record<CategorySlug, RouteCategory> = { red: "RED", study: "STUDY", picking: "PICKING" };

export const CATEGORY_COLOURS: Record<CategorySlug, string> = {
  red: "#b91c1c",
  study: "#1d4ed8",
  picking: "#15803d",
};

export function isCategorySlug(value: unknown): value is CategorySlug {
  return typeof value === "string" && (CATEGORY_SLUGS as readonly string[]).includes(value);
}

export function categoryToEnum(slug: CategorySlug): RouteCategory {
  return TO_ENUM[slug];
}

export function categoryToSlug(category: RouteCategory): CategorySlug {
  return category.toLowerCase() as CategorySlug;
}
