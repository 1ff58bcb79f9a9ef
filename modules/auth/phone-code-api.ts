import "server-only";
import { z } from "zod";
import { ApiError, apiErrorResponse, parseJsonBody } from "@/lib/api/errors";
import type { Locale } from "@/lib/i18n/routing";
import { maskPhone } from "@/lib/phone";
import { tooManyRequests } from "@/lib/rate-limit/limiter";
import { checkPhoneCode, sendPhoneCode } from "./phone-codes";
import { rememberVerifiedPhone } from "./phone-sign-in";
import { createPhoneChallenge, proofSchema, spendProof } from "./proof-of-work";
import { mobile } from "./schemas";
import {
  secureCookies,
  VERIFIED_PHONE_DAYS,
  verifiedPhonesCookie,
  verifiedPhonesCookieValue,
  withVerifiedPhone,
} from "./verified-phones";

// The phone-code API: a proof-of-work challenge, a code texted to a number, and a code
// checked to prove the number in this browser (checkout, waiting list). Signing in
// with a code goes through next-auth (the "phone" provider) instead.

const MAX_BODY_BYTES = 4 * 1024;
const BODY_KEYS = { tooLarge: "phone.errors.malformed", malformed: "phone.errors.malformed" };
/** Seconds before the same number may have another code (the per-number limit's window). */
export const RESEND_SECONDS = 60;

type Caller = { locale: Locale; address: string; userId: string | null };

export async function challengeResponse(): Promise<Response> {
  return Response.json(await createPhoneChallenge(), { headers: { "Cache-Control": "no-store" } });
}

const sendSchema = z.object({ phone: mobile("validation.phone.invalid"), proof: proofSchema.optional() });

/**
 * `POST /api/phone-codes` {phone, proof}: texts a code to the number. A solved
 * challenge is required every time (spent on use, whatever follows), so the answer
 * never tells whether the number has an account.
 */
export async function sendCodeResponse(request: Request, caller: Caller): Promise<Response> {
  try {
    const { phone, proof } = await parseJsonBody(request, MAX_BODY_BYTES, sendSchema, BODY_KEYS);
    if (!proof) throw new ApiError("invalid_proof", "phone.errors.proofRequired");
    if (!(await spendProof(proof))) throw new ApiError("invalid_proof", "phone.errors.proofInvalid");
    const sent = await sendPhoneCode(phone, { address: caller.address, locale: caller.locale });
    if (!sent.ok) return tooManyRequests(caller.locale, sent.retryAfterSeconds);
    return Response.json(
      { sent: true, phone: maskPhone(phone), expiresIn: sent.expiresInSeconds, resendIn: RESEND_SECONDS },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return apiErrorResponse(error, caller.locale);
  }
}

const verifySchema = z.object({
  phone: mobile("validation.phone.invalid"),
  code: z
    .string("phone.errors.codeFormat")
    .trim()
    .regex(/^\d{6}$/, "phone.errors.codeFormat"),
});

/**
 * `POST /api/phone-codes/verify` {phone, code}: the right code proves the number in this
 * browser for 30 days (a signed cookie), and for the signed-in account, whose orders then
 * include the guest orders placed with it.
 */
export async function verifyCodeResponse(request: Request, caller: Caller): Promise<Response> {
  try {
    const { phone, code } = await parseJsonBody(request, MAX_BODY_BYTES, verifySchema, BODY_KEYS);
    const checked = await checkPhoneCode(phone, code);
    if (!checked.ok) {
      if (checked.reason === "wrong")
        throw new ApiError("invalid_code", "phone.errors.codeWrong", {
          values: { left: checked.left ?? 0 },
          body: { attemptsLeft: checked.left ?? 0 },
        });
      throw new ApiError(
        "code_expired",
        checked.reason === "locked" ? "phone.errors.codeLocked" : "phone.errors.codeExpired",
      );
    }
    if (caller.userId) await rememberVerifiedPhone(caller.userId, phone);
    const value = withVerifiedPhone(verifiedPhonesCookieValue(request.headers.get("cookie")), phone);
    return Response.json(
      { verified: true, phone: maskPhone(phone), days: VERIFIED_PHONE_DAYS },
      {
        headers: {
          "Cache-Control": "no-store",
          "Set-Cookie": verifiedPhonesCookie(value, secureCookies(request.url)),
        },
      },
    );
  } catch (error) {
    return apiErrorResponse(error, caller.locale);
  }
}
