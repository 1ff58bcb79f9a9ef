import "server-only";
import { clientAddress } from "@/lib/client-address";
import { apiLocale } from "@/lib/i18n/api";
import { consumeAll, refundLimit, resetLimit, tooManyRequests } from "@/lib/rate-limit/limiter";

/** The e-mail a sign-in form names, as credentialsSchema reads it; "" when there is none. */
async function attemptedEmail(request: Request): Promise<string> {
  try {
    const form = await request.clone().formData();
    const email = form.get("email");
    return typeof email === "string" ? email.trim().toLowerCase().slice(0, 254) : "";
  } catch {
    return "";
  }
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
