import "server-only";
import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { consumeAll, refundLimit, resetLimit, tooManyRequests } from "@/lib/rate-limit/limiter";

/**
 * The e-mail a sign-in attempt names, read from the body exactly as next-auth reads it
 * (next-auth/next/utils getBody: JSON when the content type says so, a URL-encoded form
 * otherwise, nothing else), so an attempt next-auth would check is always counted
 * against its account; "" when it names none.
 */
export async function attemptedEmail(request: Request): Promise<string> {
  const type = request.headers.get("content-type") ?? "";
  let email: unknown;
  try {
    if (type.includes("application/json")) {
      const body: unknown = await request.clone().json();
      email = typeof body === "object" && body !== null ? (body as { email?: unknown }).email : undefined;
    } else if (type.includes("application/x-www-form-urlencoded")) {
      email = new URLSearchParams(await request.clone().text()).get("email");
    }
  } catch {
    return "";
  }
  return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
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
