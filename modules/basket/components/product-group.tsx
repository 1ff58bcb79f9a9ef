"use client";
import { useLocale } from "next-intl";
import { pick } from "@/lib/localized";
import type { HeldSession } from "@/modules/inventory/queries";
import { type Basket, lineKey, type ProductLine } from "../basket";
import { FulfilmentOptions } from "./product-group/fulfilment-options";
import { ProductLineItem } from "./product-group/product-line-item";

type Update = (change: (basket: Basket) => Basket) => void;

/**
 * One workshop's products in the basket and how they reach the buyer, chosen
 * here, before checkout: pickup at the workshop (with its opening hours), at the
 * gate of a festival session the basket holds a ticket for, or by courier (fee shown).
 */
export function ProductGroup({
  basket,
  update,
  workshop,
  lines,
  problems,
  held,
}: {
  basket: Basket;
  update: Update;
  workshop: ProductLine["workshop"];
  lines: ProductLine[];
  problems: Record<string, string>;
  /** Sessions the signed-in buyer already holds a paid ticket for. */
  held: HeldSession[];
}) {
  const locale = useLocale();
  return (
    <section className="rounded-xl bg-white shadow-sm" data-workshop-group={workshop.slug}>
      <h2 className="p-4 pb-0 font-semibold text-lg">{pick(workshop.name, locale)}</h2>
      <ul className="divide-y divide-stone-100">
        {lines.map((line) => (
          <ProductLineItem
            key={lineKey(line)}
            basket={basket}
            line={line}
            update={update}
            problem={problems[lineKey(line)]}
          />
        ))}
      </ul>
      <FulfilmentOptions
        basket={basket}
        update={update}
        workshop={workshop}
        lines={lines}
        held={held}
        problem={problems[`group:${workshop.slug}`]}
      />
    </section>
  );
}
