import type { useTranslations } from "next-intl";
import { type Basket, lineKey } from "../../basket";

/** What went wrong with the order, placed where the buyer sees it. */
export type Problem = {
  message: string;
  fields: Record<string, string>;
  /** By line key, or "group:<workshop slug>" for a workshop's way of fulfilment. */
  lines: Record<string, string>;
  address: Record<string, string>;
};

export type OrderAnswer =
  | { paymentPath: string; paymentUrl: string; accessToken: string; order: { id: string } }
  | {
      error: string;
      message: string;
      fields?: Record<string, string>;
      sessions?: ({ sessionId: string; remaining: number } | string)[];
      products?: ({ productId: string; remaining: number } | string)[];
    };

type BasketMessages = ReturnType<typeof useTranslations<"basket">>;

/** A problem with only a message: the network failed, or the answer named nothing. */
export const networkProblem = (t: BasketMessages): Problem => ({
  message: t("networkError"),
  fields: {},
  lines: {},
  address: {},
});

/** Puts the order's refusal next to what it names: a session's or product's lines, a workshop's fulfilment, an address part, a buyer's field. */
export function explain(answer: OrderAnswer, basket: Basket | null, t: BasketMessages): Problem {
  const problem = networkProblem(t);
  if (!basket || !("error" in answer)) return problem;
  problem.message = answer.message;
  // The number must be proven first (checkout asks for the texted code): nothing else is wrong.
  if (answer.error === "phone_unverified") return problem;
  const mark = (match: (l: Basket["lines"][number]) => boolean, message: string) => {
    for (const l of basket.lines) if (match(l)) problem.lines[lineKey(l)] = message;
  };
  for (const x of answer.sessions ?? []) {
    const id = typeof x === "string" ? x : x.sessionId;
    const message = typeof x === "string" ? t("notOnSale") : t("onlyLeft", { count: x.remaining });
    mark((l) => l.kind === "ticket" && l.sessionId === id, message);
  }
  for (const x of answer.products ?? []) {
    const id = typeof x === "string" ? x : x.productId;
    const message = typeof x === "string" ? t("productNotOnSale") : t("onlyLeftProduct", { count: x.remaining });
    mark((l) => l.kind === "product" && l.productId === id, message);
  }
  for (const [key, message] of Object.entries(answer.fields ?? {})) {
    const item = /^items\.(\d+)(?:\.(\w+))?(?:\.address\.(\w+))?/.exec(key);
    const line = item ? basket.lines[Number(item[1])] : undefined;
    if (line?.kind === "product" && item?.[3]) problem.address[item[3]] = message;
    else if (line?.kind === "product" && item?.[2] === "fulfilment")
      problem.lines[`group:${line.workshop.slug}`] = message;
    else if (line) problem.lines[lineKey(line)] = message;
    else if (!item) problem.fields[key.replace(/^customer\./, "")] = message;
    else problem.fields.items = message;
  }
  return problem;
}
