import "server-only";
import { ApiError, apiErrorResponse, parseJsonBody } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/routing";
import { consumeLimit, tooManyRequests } from "@/lib/rate-limit/limiter";
import { UserError } from "@/lib/user-error";
import {
  secureCookies,
  verifiedPhonesCookie,
  verifiedPhonesCookieValue,
  withVerifiedPhone,
} from "@/modules/auth/verified-phones";
import {
  AlreadyWaitingError,
  joinWaitlist,
  SeatsAvailableError,
  WaitlistClosedError,
  WaitlistCodeError,
  WaitlistPhoneUnprovenError,
} from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { joinWaitlistSchema } from "./schemas";

// The waiting-list API: one whole answer per function, so tests can call them directly.

export const MAX_WAITLIST_BODY_BYTES = 8 * 1024;

const BODY_KEYS = {
  tooLarge: "validation.order.tooLarge",
  malformed: "validation.order.malformed",
  message: "validation.order.malformed",
};

/** What a place that cannot be taken answers (409, or 400); anything else as it is. */
function joinRefusal(error: unknown): unknown {
  if (error instanceof SeatsAvailableError) {
    return new ApiError("seats_available", "waitlist.seatsAvailable", { body: { remaining: error.remaining } });
  }
  if (error instanceof WaitlistClosedError) return new ApiError("waitlist_closed", "waitlist.closed");
  if (error instanceof AlreadyWaitingError) {
    return new ApiError("already_waiting", "waitlist.alreadyWaiting", { body: { position: error.position } });
  }
  if (error instanceof WaitlistPhoneUnprovenError) {
    return new ApiError("phone_unverified", "waitlist.phoneUnverified", {
      body: { reason: "number", verify: "/api/phone-codes" },
    });
  }
  if (error instanceof WaitlistCodeError) {
    const { reason, left } = error.check;
    if (reason === "wrong")
      return new ApiError("invalid_code", "phone.errors.codeWrong", {
        values: { left: left ?? 0 },
        body: { attemptsLeft: left ?? 0 },
      });
    return new ApiError("code_expired", reason === "locked" ? "phone.errors.codeLocked" : "phone.errors.codeExpired");
  }
  if (error instanceof UserError) return ApiError.fromUserError(error);
  return error;
}

type Caller = {
  locale: Locale;
  userId: string | null;
  address: string;
  /** The numbers this browser or account proved with a code (modules/auth/proven-phones.ts). */
  provenPhones?: Pick<ReadonlySet<string>, "has">;
};

/** POST /api/festivals/{slug}/waitlist → 201 {entry: {id, position}}. */
export async function joinWaitlistResponse(request: Request, slug: string, caller: Caller): Promise<Response> {
  const { locale } = caller;
  // Counted with the orders of the same address: joining is as cheap to script as ordering.
  const limited = await consumeLimit("orders", caller.address);
  if (!limited.ok) return tooManyRequests(locale, limited.retryAfterSeconds);
  try {
    const input = await parseJsonBody(request, MAX_WAITLIST_BODY_BYTES, joinWaitlistSchema, BODY_KEYS);
    const joined = await joinWaitlist(slug, input, {
      userId: caller.userId,
      locale,
      clientAddress: caller.address,
      provenPhones: caller.provenPhones,
    });
    if (!joined) throw new ApiError("not_found", "errors.notFound");
    const headers: Record<string, string> = {};
    // The code proved the number: this browser is not asked again (checkout, other lists).
    if (joined.provedPhone) {
      const value = withVerifiedPhone(verifiedPhonesCookieValue(request.headers.get("cookie")), joined.provedPhone);
      headers["Set-Cookie"] = verifiedPhonesCookie(value, secureCookies(request.url));
    }
    return Response.json({ entry: joined.entry }, { status: 201, headers });
  } catch (error) {
    return apiErrorResponse(joinRefusal(error), locale);
  }
}

/** DELETE /api/festivals/{slug}/waitlist/{id}?token=… → 200 {entry: {id, status: "left"}}. */
export async function leaveWaitlistResponse(
  request: Request,
  slug: string,
  entryId: string,
  locale: Locale,
): Promise<Response> {
  const token = new URL(request.url).searchParams.get("token");
  const outcome = await leaveWaitlist(slug, entryId, token);
  if (!outcome) return apiErrorResponse(new ApiError("not_found", "errors.notFound"), locale);
  if (outcome === "claimed") {
    return apiErrorResponse(new ApiError("already_claimed", "waitlist.alreadyClaimed"), locale);
  }
  return Response.json({ entry: { id: entryId, status: "left" } });
}
