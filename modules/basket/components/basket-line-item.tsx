"use client";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { type Basket, type BasketLine, lineKey, maxQuantity, removeLine, setQuantity } from "../basket";

/** One line of the basket: what it is and costs, its quantity, a way to remove it, and what the order said of it. */
export function BasketLineItem({
  basket,
  line,
  update,
  name,
  title,
  detail,
  price,
  problem,
}: {
  basket: Basket;
  line: BasketLine;
  update: (change: (basket: Basket) => Basket) => void;
  /** What the quantity stepper is labelled with. */
  name: string;
  title: ReactNode;
  detail: ReactNode;
  price: string;
  problem?: string;
}) {
  const t = useTranslations("basket");
  const key = lineKey(line);
  return (
    <li className="space-y-2 p-4" data-basket-line={key}>
      <div className="flex justify-between gap-3">
        <span>
          <span className="block font-medium">{title}</span>
          {detail}
        </span>
        <span className="shrink-0 font-medium">{price}</span>
      </div>
      <div className="flex items-center gap-3">
        <QuantityStepper
          label={name}
          value={line.quantity}
          max={maxQuantity(basket, line)}
          onChange={(value) => update((b) => setQuantity(b, line, value))}
        />
        <button
          type="button"
          className="tap px-2 text-sm text-stone-600 underline"
          onClick={() => update((b) => removeLine(b, key))}
        >
          {t("remove")}
        </button>
      </div>
      {problem ? (
        <p className="text-berry-600 text-sm" role="alert">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
