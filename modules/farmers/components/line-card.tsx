"use client";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { useRouter } from "@/lib/i18n/navigation";
import { type LineMethod, type LineStatus, nextSteps } from "../fulfilment-flow";
import { LineActions } from "./line-actions";

/**
 * One line of the farmer's inbox. Its state lives here, so after a step the badge
 * and the next step's buttons change at once; the page is then refreshed in the
 * background (a filtered list may drop the line).
 */
export function LineCard({
  code,
  itemId,
  method,
  status: initial,
  title,
  children,
  footer,
}: {
  code: string;
  itemId: string;
  method: LineMethod | null;
  status: LineStatus;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  const t = useTranslations("farmerOrders");
  const router = useRouter();
  const [status, setStatus] = useState(initial);
  const [shown, setShown] = useState(initial);
  const [moved, setMoved] = useState(false);
  // A newer state from the server (a refresh, a refund that cancelled the line) wins.
  if (initial !== shown) {
    setShown(initial);
    setStatus(initial);
  }
  return (
    <li className="space-y-2 rounded-xl bg-white p-4 shadow-sm" data-order-line={code}>
      <div className="flex flex-wrap justify-between gap-2">
        {title}
        <span className="rounded-full bg-stone-100 px-2 py-0.5 text-sm" data-testid="line-status">
          {t(`status.${status}`)}
        </span>
      </div>
      {children}
      {moved ? (
        <p role="status" className="text-brand-700 text-sm">
          {t("moved")} {t(`status.${status}`)}
        </p>
      ) : null}
      {method ? (
        <LineActions
          itemId={itemId}
          steps={nextSteps(method, status)}
          onMoved={(next) => {
            setStatus(next);
            setMoved(true);
            router.refresh();
          }}
        />
      ) : null}
      {footer}
    </li>
  );
}
