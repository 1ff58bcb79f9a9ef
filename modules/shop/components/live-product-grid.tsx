"use client";
import { useEffect, useMemo, useState } from "react";
import type { ProductCardData } from "../presenters";
import { bySeason } from "../season";
import { ProductCard } from "./product-card";
import { stockOf, useLiveStock } from "./use-live-stock";

/** Product cards in season order, with stock read live; the page around them is cached. */
export function LiveProductGrid({ products, renderedAt }: { products: ProductCardData[]; renderedAt: number }) {
  const [now, setNow] = useState(() => new Date(renderedAt));
  useEffect(() => setNow(new Date()), []);
  const stock = useLiveStock(useMemo(() => products.map((p) => p.id), [products]));
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {bySeason(products, now).map((p) => (
        <li key={p.id}>
          <ProductCard product={p} stock={stockOf(stock, p.id)} now={now} />
        </li>
      ))}
    </ul>
  );
}
