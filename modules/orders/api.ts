import "server-only";
import { ApiError, apiErrorResponse, parseJsonBody } from "@/lib/api/errors";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/routing";
import { orderPagePath, orderPageUrl } from "@/lib/order-links";
import { consumeLimit, tooManyRequests } from "@/lib/rate-limit/limiter";
import { UserError } from "@/lib/user-error";
import { createOrder, NotOnSaleError } from "./create-order";
import { HoldLimitError, PhoneUnverifiedError, SoldOutError } from "./place-orders";
import { findOrderForCaller } from "./queries";
import { createOrderSchema } from "./schemas";

// The orders API: one whole answer per function, so tests can call them directly.

export const MAX_ORDER_BODY_BYTES = 32 * 1024;

const BODY_KEYS = {
  tooLarge: "validation.order.tooLarge",
  malformed: "validation.order.malformed",
  message: "validation.order.malformed",
};

/** What an order that cannot be placed answers (409 with what stood in the way, or 400); anything else as it is. */
function orderRefusal(error: unknown): unknown {
  if (error instanceof SoldOutError) {
    return new ApiError("sold_out", "validation.order.soldOut", {
      body: {
        sessions: error.shortages.filter((x) => "sessionId" in x),
        products: error.shortages.filter((x) => "productId" in x),
      },
    });
  }
  if (error instanceof HoldLimitError) {
    return new ApiError("hold_limit", "validation.order.holdLimit", {
      body: {
        sessions: error.limits.filter((x) => "sessionId" in x),
        products: error.limits.filter((x) => "productId" in x),
      },
    });
  }
  if (error instanceof PhoneUnverifiedError) {
    return new ApiError(
      "phone_unverified",
      error.reason === "number" ? "validation.order.phoneUnverified" : "validation.order.phoneUnverifiedAddress",
      {
        values: { limit: error.sessions[0]?.limit ?? env.unverifiedHolds.perNumber ?? 0 },
        body: { reason: error.reason, sessions: error.sessions, verify: "/api/phone-codes" },
      },
    );
  }
  if (error instanceof NotOnSaleError) {
    return new ApiError("not_on_sale", "validation.order.notOnSale", {
      body: { sessions: error.sessionIds, products: error.productIds },
    });
  }
  if (error instanceof UserError) return ApiError.fromUserError(error);
  return error;
}

type Caller = {
  locale: Locale;
  userId: string | null;
  address: string;
  /** The numbers this browser or account proved with a code (modules/auth/proven-phones.ts). */
  provenPhones: Pick<ReadonlySet<string>, "has">;
};

export async function createOrderResponse(request: Request, caller: Caller): Promise<Response> {
  const { locale } = caller;
  // Every request counts, well-formed or not; the default admits a festival crowd behind one NAT.
  const limited = await consumeLimit("orders", caller.address);
  if (!limited.ok) return tooManyRequests(locale, limited.retryAfterSeconds);
  try {
    const input = await parseJsonBody(request, MAX_ORDER_BODY_BYTES, createOrderSchema, BODY_KEYS);
    const created = await createOrder(input, {
      userId: caller.userId,
      locale,
      clientAddress: caller.address,
      provenPhones: caller.provenPhones,
    });
    // The browser follows the path (it stays on the address it is on); API clients get the site's address too.
    const paymentPath = orderPagePath(created.order.id, locale);
    const paymentUrl = orderPageUrl(created.order.id, locale);
    return Response.json({ ...created, paymentPath, paymentUrl }, { status: 201 });
  } catch (error) {
    return apiErrorResponse(orderRefusal(error), locale);
  }
}

/** The order's access token: `Authorization: Bearer …`, else `?token=`. */
export function orderToken(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return bearer ?? new URL(request.url).searchParams.get("token");
}

export async function orderResponse(
  id: string,
  request: Request,
  caller: { locale: Locale; userId: string | null },
): Promise<Response> {
  const token = orderToken(request);
  const order = await findOrderForCaller(id, token, caller.userId);
  if (!order) return apiErrorResponse(new ApiError("not_found", "errors.notFound"), caller.locale);
  return Response.json({ order }, { headers: { "Cache-Control": "private, no-store" } });
}
