"use client";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/action-state";
import { useRouter } from "@/lib/i18n/navigation";
import type { JsapiParams } from "@/lib/payments/types";
import { startCheckoutAction } from "@/modules/payments/actions";

type Started =
  | { kind: "redirect"; url: string }
  | { kind: "qr"; codeUrl: string; svg: string }
  | { kind: "jsapi"; params: JsapiParams };
type State = ActionState<Started>;

export type ChoiceOffer = {
  method: "wechatpay" | "alipay" | "card";
  blocked?: "in_wechat";
  needsOpenid?: boolean;
};

type Bridge = {
  invoke(name: "getBrandWCPayRequest", params: JsapiParams, done: (res: { err_msg?: string }) => void): void;
};

const POLL_MS = 2000;
const POLL_FOR_MS = 15 * 60_000;

/** Until the order is no longer pending (the provider's notification landed), then the page shows it paid. */
function usePaidWatch(orderId: string, token: string, active: boolean) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    let stopped = false;
    const timer = setInterval(async () => {
      if (stopped || Date.now() - started > POLL_FOR_MS) return clearInterval(timer);
      try {
        const res = await fetch(`/api/orders/${encodeURIComponent(orderId)}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
          cache: "no-store",
        });
        if (!res.ok) return;
        const { order } = (await res.json()) as { order: { status: string } };
        if (order.status !== "pending") {
          stopped = true;
          clearInterval(timer);
          router.refresh();
        }
      } catch {
        // offline for a moment: the next look will tell
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [orderId, token, active, router]);
}

/**
 * The ways to pay a pending order, the one that fits this browser first, with their
 * familiar names: 微信支付 (a QR code to scan on a computer, WeChat's page on a phone,
 * the payment sheet inside WeChat), 支付宝 (its cashier; inside WeChat, where Alipay
 * is blocked, a note and the link to copy), 银行卡 through Stripe. Whatever the way,
 * the order is marked paid only by the provider's notification or our own query; the
 * page watches and turns to the tickets by itself.
 */
export function PaymentChoice({
  orderId,
  token,
  offers,
  oauthPath,
}: {
  orderId: string;
  token: string;
  offers: ChoiceOffer[];
  /** Where to get the visitor's openid first (inside WeChat), coming back to pay. */
  oauthPath: string | null;
}) {
  const t = useTranslations("payments");
  const params = useSearchParams();
  const returned = params.get("checkout");
  const [state, action, pending] = useActionState<State, FormData>(startCheckoutAction, { status: "idle" });
  const [sheet, setSheet] = useState<"open" | "ok" | "cancelled" | "failed" | null>(null);
  const [copied, setCopied] = useState(false);
  const autoStarted = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);

  const started = state.status === "success" ? state.data : null;
  useEffect(() => {
    if (started?.kind === "redirect") window.location.assign(started.url);
    if (started?.kind === "jsapi") {
      const bridge = (window as { WeixinJSBridge?: Bridge }).WeixinJSBridge;
      if (!bridge) return setSheet("failed");
      setSheet("open");
      bridge.invoke("getBrandWCPayRequest", started.params, (res) => {
        const said = res.err_msg ?? "";
        setSheet(said.endsWith(":ok") ? "ok" : said.endsWith(":cancel") ? "cancelled" : "failed");
      });
    }
  }, [started]);

  // Back from WeChat's OAuth with the openid: start the payment sheet at once.
  useEffect(() => {
    if (params.get("pay") !== "wechatpay" || autoStarted.current || !formRef.current) return;
    if (offers.some((o) => o.method === "wechatpay" && !o.needsOpenid)) {
      autoStarted.current = true;
      formRef.current.requestSubmit(formRef.current.querySelector<HTMLButtonElement>('[value="wechatpay"]'));
    }
  }, [params, offers]);

  const watching = returned === "success" || started?.kind === "qr" || sheet === "ok" || sheet === "open";
  usePaidWatch(orderId, token, watching);

  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm" aria-labelledby="pay-heading">
      <h2 id="pay-heading" className="font-semibold">
        {t("choose")}
      </h2>
      {returned === "success" ? (
        <p role="status" className="rounded bg-brand-50 p-3 text-sm" data-testid="payment-confirming">
          {t("confirmingAny")}
        </p>
      ) : null}
      {returned === "cancelled" ? (
        <p role="status" className="text-sm text-stone-600">
          {t("cancelled")}
        </p>
      ) : null}
      <form ref={formRef} action={action} className="grid gap-2 sm:grid-cols-3">
        <input type="hidden" name="orderId" value={orderId} />
        <input type="hidden" name="token" value={token} />
        {offers.map((offer) =>
          offer.needsOpenid && oauthPath ? (
            <a
              key={offer.method}
              href={oauthPath}
              data-method={offer.method}
              className="flex min-h-11 items-center justify-center gap-2 rounded-lg bg-[#07c160] px-4 py-3 font-medium text-white"
            >
              <MethodMark method={offer.method} />
              {t(`method.${offer.method}`)}
            </a>
          ) : (
            <button
              key={offer.method}
              type="submit"
              name="method"
              value={offer.method}
              data-method={offer.method}
              disabled={pending || Boolean(offer.blocked)}
              className={`flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-3 font-medium disabled:opacity-60 ${
                offer.method === "wechatpay"
                  ? "bg-[#07a050] text-white"
                  : offer.method === "alipay"
                    ? "bg-[#1677ff] text-white"
                    : "border border-stone-300 bg-white text-stone-900"
              }`}
            >
              <MethodMark method={offer.method} />
              {t(`method.${offer.method}`)}
            </button>
          ),
        )}
      </form>
      {offers.some((o) => o.blocked === "in_wechat") ? (
        <div className="rounded bg-amber-50 p-3 text-sm" data-testid="alipay-in-wechat">
          <p>{t("alipayInWechat")}</p>
          <button
            type="button"
            onClick={copyLink}
            className="mt-2 min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2"
          >
            {copied ? t("linkCopied") : t("copyLink")}
          </button>
        </div>
      ) : null}
      {pending ? (
        <p role="status" className="text-sm text-stone-600">
          {t("starting")}
        </p>
      ) : null}
      {started?.kind === "qr" ? (
        <figure className="mx-auto max-w-xs text-center" data-testid="wechat-qr" data-code-url={started.codeUrl}>
          <div
            className="mx-auto aspect-square w-56 bg-white"
            role="img"
            aria-label={t("qrLabel")}
            // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG drawn by the qrcode library from WeChat Pay's code_url
            dangerouslySetInnerHTML={{ __html: started.svg }}
          />
          <figcaption className="mt-2 text-sm">{t("scanWithWechat")}</figcaption>
          <p role="status" className="mt-1 text-stone-600 text-xs">
            {t("waitingForPayment")}
          </p>
        </figure>
      ) : null}
      {sheet === "ok" || sheet === "open" ? (
        <p role="status" className="text-sm" data-testid="payment-confirming">
          {t("confirmingAny")}
        </p>
      ) : null}
      {sheet === "cancelled" ? (
        <p role="status" className="text-sm text-stone-600">
          {t("cancelled")}
        </p>
      ) : null}
      {sheet === "failed" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {t("sheetFailed")}
        </p>
      ) : null}
      {state.status === "error" ? (
        <p role="alert" className="text-berry-600 text-sm">
          {state.message}
        </p>
      ) : null}
    </section>
  );
}

/** Each method's mark, drawn here (no third-party image). */
function MethodMark({ method }: { method: ChoiceOffer["method"] }) {
  if (method === "wechatpay")
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5 fill-current">
        <path d="M9 4C4.6 4 1 7 1 10.6c0 2 1.1 3.8 2.9 5l-.7 2.2 2.6-1.3c.9.3 2 .4 3.1.4h.5a5.8 5.8 0 0 1-.2-1.6c0-3.7 3.5-6.6 7.9-6.6h.5C16.9 5.8 13.3 4 9 4Zm-3 3.7a1 1 0 1 1 0 2 1 1 0 0 1 0-2Zm5.9 0a1 1 0 1 1 0 2 1 1 0 0 1 0-2ZM17 10c-3.6 0-6.5 2.4-6.5 5.3s2.9 5.3 6.5 5.3c.8 0 1.6-.1 2.3-.3l2.1 1.1-.6-1.8c1.4-1 2.2-2.6 2.2-4.3 0-2.9-2.9-5.3-6-5.3Zm-2.2 2.6a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8Zm4.4 0a.9.9 0 1 1 0 1.8.9.9 0 0 1 0-1.8Z" />
      </svg>
    );
  if (method === "alipay")
    return (
      <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5 fill-current">
        <path d="M5 3h14a2 2 0 0 1 2 2v10.3c-1.6-.6-4.2-1.5-6.5-2.3.7-1.2 1.2-2.6 1.5-4.1h-3.6V7.6h4.4v-.9h-4.4V4.8h-1.8v1.9H6.2v.9h4.4v1.3H7v.9h7.2c-.2.9-.5 1.8-1 2.6-1.5-.5-3-.8-4.3-.8-2.7 0-4 1.3-4 2.9 0 1.7 1.6 3 4.2 3 1.9 0 3.6-.8 5-2.2 2 1 4.6 2.3 6.9 3.4V19a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2Zm3.3 10.3c1 0 2.2.3 3.6.9-1 1.1-2.3 1.8-3.6 1.8-1.5 0-2.2-.7-2.2-1.4 0-.7.7-1.3 2.2-1.3Z" />
      </svg>
    );
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5 fill-none stroke-current" strokeWidth="1.8">
      <rect x="2.5" y="5" width="19" height="14" rx="2" />
      <path d="M2.5 9.5h19M6 15h4" />
    </svg>
  );
}
