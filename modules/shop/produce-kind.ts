import type { ProductCategory } from "./product-queries";

// Which drawing a product gets while it has no photo, told from its names (no column of its
// own): "红美人柑橘" gets a citrus and "头茬草莓" a strawberry, though both are FRUIT.

export const PRODUCE_KINDS = [
  "bayberry",
  "cherry",
  "citrus",
  "strawberry",
  "tea",
  "bamboo-shoot",
  "preserves",
  "fruit-wine",
  "ready-meal",
  "other",
] as const;

export type ProduceKind = (typeof PRODUCE_KINDS)[number];

type Rule = { kind: ProduceKind; zh: RegExp; en: RegExp };

// In order: what was made of the produce before the produce itself, so 杨梅烧酒 is a wine,
// 杨梅干 a preserve and 梅干菜扣肉（半成品） a ready meal, not bayberries; bamboo before
// preserves, so 笋干 stays a bamboo shoot. English names are matched lower-cased, by word.
const RULES: readonly Rule[] = [
  { kind: "fruit-wine", zh: /酒/, en: /\b(wine|liquor|spirits?|baijiu|shaojiu|cider)\b/ },
  {
    kind: "ready-meal",
    zh: /预制菜|半成品|粽|饭|扣肉|饺|馄饨|包子|熟食|套餐/,
    en: /ready[- ](meal|to[- ](heat|cook|eat))|\b(zongzi|dumplings?|braised|meals?)\b/,
  },
  { kind: "bamboo-shoot", zh: /笋/, en: /\bbamboo\b/ },
  { kind: "tea", zh: /茶(?!油|籽)/, en: /\b(tea|longjing|matcha|oolong)\b/ },
  {
    kind: "preserves",
    zh: /果干|果脯|蜜饯|果酱|萝卜干|[梅莓桃橘桔柑枣杏柿]干|腌|酱菜|咸菜|泡菜/,
    en: /\b(dried|candied|preserved|preserves|pickled?|pickles|jam|marmalade)\b/,
  },
  { kind: "bayberry", zh: /杨梅/, en: /\b(bayberr(y|ies)|yangmei|waxberr(y|ies))\b/ },
  { kind: "cherry", zh: /樱桃|车厘子/, en: /\bcherr(y|ies)\b/ },
  { kind: "strawberry", zh: /草莓/, en: /\bstrawberr(y|ies)\b/ },
  {
    kind: "citrus",
    zh: /红美人|柑|橘|桔|橙|柚/,
    en: /\b(citrus|oranges?|mandarins?|tangerines?|pomelos?|kumquats?|hongmeiren|satsumas?|clementines?)\b/,
  },
];

/** Without a name that says more, each category's drawing; fruit of no known kind gets the basket. */
const BY_CATEGORY: Record<ProductCategory, ProduceKind> = {
  FRUIT: "other",
  TEA: "tea",
  BAMBOO: "bamboo-shoot",
  PRESERVES: "preserves",
  PREPARED: "ready-meal",
  OTHER: "other",
};

/** The kind of produce a product is, for its drawing: by its Chinese or English name, else by its category. */
export function produceKind(product: { nameZh: string; nameEn: string; category: ProductCategory }): ProduceKind {
  const en = product.nameEn.toLowerCase();
  const rule = RULES.find((r) => r.zh.test(product.nameZh) || r.en.test(en));
  return rule?.kind ?? BY_CATEGORY[product.category];
}
