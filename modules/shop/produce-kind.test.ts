import { describe, expect, it } from "vitest";
import { products as seedProducts } from "@/prisma/seed/data";
import { PRODUCE_KINDS, type ProduceKind, produceKind } from "./produce-kind";

// Every product of the demo seed, with the drawing it should get.
const SEED_KINDS: Record<string, ProduceKind> = {
  "dujia-zaose-bayberries": "bayberry", // 杜家早色杨梅
  "dujia-chise-bayberries": "bayberry", // 杜家迟色杨梅
  "dujia-dongkui-bayberries": "bayberry", // 东魁杨梅
  "dujia-bayberry-gift-box": "bayberry", // 杜家杨梅礼盒（5斤装）
  "xiangliwang-cherries": "cherry", // 祥里王樱桃
  "xiangliwang-cherry-box": "cherry", // 樱桃礼盒（3斤装）
  "xiangliwang-hongmeiren-citrus": "citrus", // 红美人柑橘
  "aozhuangchen-first-crop-strawberries": "strawberry", // 头茬草莓 (茬, not 茶)
  "aozhuangchen-spring-strawberries": "strawberry", // 袄庄陈草莓
  "sanquanwang-mingqian-longjing": "tea", // 明前龙井
  "sanquanwang-spring-green-tea": "tea", // 雨前绿茶
  "sanquanwang-dried-bamboo-shoots": "bamboo-shoot", // 手剥笋干
  "chuanfang-bayberry-wine": "fruit-wine", // 杨梅烧酒（两瓶装）
  "chuanfang-dried-bayberries": "preserves", // 杨梅干
  "chuanfang-radish-pickle": "preserves", // 萧山萝卜干
  "chuanfang-meigancai-pork": "ready-meal", // 梅干菜扣肉（半成品）
};

describe("produceKind", () => {
  it("gives every seed product the drawing of its produce", () => {
    expect(seedProducts.map((p) => p.slug).sort()).toEqual(Object.keys(SEED_KINDS).sort());
    for (const p of seedProducts) {
      expect(produceKind(p), `${p.slug} (${p.nameZh})`).toBe(SEED_KINDS[p.slug]);
    }
  });

  it("tells the seed's fruit apart by the Chinese name alone, and by the English name alone", () => {
    for (const p of seedProducts) {
      expect(produceKind({ ...p, nameEn: "" }), p.nameZh).toBe(SEED_KINDS[p.slug]);
      expect(produceKind({ ...p, nameZh: "" }), p.nameEn).toBe(SEED_KINDS[p.slug]);
    }
  });

  it("reads one localised name passed as both (the product card knows only the shown name)", () => {
    for (const p of seedProducts) {
      expect(produceKind({ nameZh: p.nameZh, nameEn: p.nameZh, category: p.category })).toBe(SEED_KINDS[p.slug]);
      expect(produceKind({ nameZh: p.nameEn, nameEn: p.nameEn, category: p.category })).toBe(SEED_KINDS[p.slug]);
    }
  });

  it("reads the Chinese names of each kind", () => {
    const cases: [string, ProduceKind][] = [
      ["荸荠种杨梅", "bayberry"],
      ["车厘子", "cherry"],
      ["砂糖橘", "citrus"],
      ["脐橙", "citrus"],
      ["文旦柚", "citrus"],
      ["奶油草莓", "strawberry"],
      ["高山白茶", "tea"],
      ["冬笋", "bamboo-shoot"],
      ["草莓果干", "preserves"],
      ["蜜饯橄榄", "preserves"],
      ["腌雪菜", "preserves"],
      ["樱桃果酒", "fruit-wine"],
      ["农家预制菜", "ready-meal"],
      ["碱水粽", "ready-meal"],
      ["笋干菜烧饭", "ready-meal"],
    ];
    for (const [nameZh, kind] of cases)
      expect(produceKind({ nameZh, nameEn: "", category: "OTHER" }), nameZh).toBe(kind);
  });

  it("reads English names, by whole words and in any case", () => {
    const cases: [string, ProduceKind][] = [
      ["Yangmei from the hill", "bayberry"],
      ["Cherry box", "cherry"],
      ["Navel Oranges", "citrus"],
      ["Strawberry", "strawberry"],
      ["White tea", "tea"],
      ["Winter bamboo shoots", "bamboo-shoot"],
      ["Candied kumquats", "preserves"],
      ["Strawberry jam", "preserves"],
      ["Cherry wine", "fruit-wine"],
      ["Zongzi with pork", "ready-meal"],
      ["Steamed buns", "other"], // "tea" inside "steamed" is no tea
    ];
    for (const [nameEn, kind] of cases)
      expect(produceKind({ nameZh: "", nameEn, category: "OTHER" }), nameEn).toBe(kind);
  });

  it("falls back on the category when the names say nothing, fruit of no known kind to the general drawing", () => {
    const unknown = { nameZh: "枇杷", nameEn: "Loquats" };
    expect(produceKind({ ...unknown, category: "FRUIT" })).toBe("other");
    expect(produceKind({ ...unknown, category: "OTHER" })).toBe("other");
    expect(produceKind({ ...unknown, category: "TEA" })).toBe("tea");
    expect(produceKind({ ...unknown, category: "BAMBOO" })).toBe("bamboo-shoot");
    expect(produceKind({ ...unknown, category: "PRESERVES" })).toBe("preserves");
    expect(produceKind({ ...unknown, category: "PREPARED" })).toBe("ready-meal");
    expect(produceKind({ nameZh: "", nameEn: "", category: "OTHER" })).toBe("other");
  });

  it("names each kind once", () => {
    expect(new Set(PRODUCE_KINDS).size).toBe(PRODUCE_KINDS.length);
  });
});
