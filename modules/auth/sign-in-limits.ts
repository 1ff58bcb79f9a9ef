import "server-only";
import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { normaliseChineseMobile } from "@/lib/phone";
import { consumeAll, consumeLimit, refundLimit, resetLimit, tooManyRequests } from "@/lib/rate-limit/limiter";
import { secureCookies, verifiedPhonesCookie, verifiedPhonesCookieValue, withVerifiedPhone } from "./verified-phones";

/**
 * The e-mail a sign-in attempt names, read from the body exactly as next-auth reads it
 * (next-auth/next/utils getBody: JSON when the content type says so, a URL-encoded form
 * otherwise, nothing else), so an attempt next-auth would check is always counted
 * against its account; "" when it names none.
 */
export async function attemptedEmail(request: Request): Promise<string> {
  const email = await bodyField(request, "email");
  return email.trim().toLowerCase().slice(0, 254);
}

/** One field of a sign-in body, read as next-auth reads it (JSON or a URL-encoded form); "" when absent. */
async function bodyField(request: Request, name: string): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  let value: unknown;
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      value = typeof body === "object" && body !== null ? (body as Record<string, unknown>)[name] : undefined;
    } else if (type.includes("application/x-www-form-urlencoded")) {
      value = new URLSearchParams(await request.clone().text()).get(name);
    }
  } catch {
    return "";
  }
  return typeof value === "string" ? value : "";
}

/** next-auth answered a sign-in with a session (its `url` names no error). */
async function signedIn(response: Response): Promise<boolean> {
  if (response.status !== 200) return false;
  try {
    const { url } = (await response.clone().json()) as { url?: string };
    return typeof url === "string" && !new URL(url, "http://x").searchParams.has("error");
  } catch {
    return false;
  }
}

/**
 * Guards next-auth's phone sign-in. The code itself allows five guesses; failures also
 * count against the client's address, as password failures do. A sign-in that works
 * also proves the number in this browser (verified-phones.ts): its checkout does not
 * ask for a code again.
 */
export async function phoneSignInWithLimits(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  const address = clientAddress(request.headers);
  const verdict = await consumeLimit("signInAddress", address);
  if (!verdict.ok) {
    const url = new URL("/api/auth/error?error=RateLimited", request.url).toString();
    return tooManyRequests(apiLocale(request), verdict.retryAfterSeconds, { url });
  }
  const response = await signIn();
  if (!(await signedIn(response))) return response;
  await refundLimit("signInAddress", address);
  const phone = normaliseChineseMobile(await bodyField(request, "phone"));
  if (!phone) return response;
  const value = withVerifiedPhone(verifiedPhonesCookieValue(request.headers.get("cookie")), phone);
  const headers = new Headers(response.headers);
  headers.append("Set-Cookie", verifiedPhonesCookie(value, secureCookies(request.url)));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Guards next-auth's credentials sign-in: every attempt counts against the account
 * and the client's address before the password is checked (so parallel guesses
 * are counted too); a correct password clears the account's count and takes its
 * attempt back from the address's, so only failures add up. Past the
 * limit the answer is 429 with Retry-After, in the caller's language; next-auth's
 * browser client reads the `url` and reports the error "RateLimited".
 */
export async function signInWithLimits(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  const email = await attemptedEmail(request);
  const address = clientAddress(request.headers);
  const verdict = await consumeAll([
    ["signIn", email || `address:${address}`],
    ["signInAddress", address],
  ]);
  if (!verdict.ok) {
    const url = new URL("/api/auth/error?error=RateLimited", request.url).toString();
    return tooManyRequests(apiLocale(request), verdict.retryAfterSeconds, { url });
  }
  const response = await signIn();
  // A right password clears the account's count and is no failure of the address:
  // a festival crowd behind one NAT signing in does not lock each other out.
  if (response.status === 200) {
    await Promise.all([email ? resetLimit("signIn", email) : null, refundLimit("signInAddress", address)]);
  }
  return response;
}
