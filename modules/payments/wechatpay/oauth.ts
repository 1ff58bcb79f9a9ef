import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { WechatPayConfig } from "@/lib/payments/wechatpay/settings";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { secureCookies } from "@/modules/auth/verified-phones";

// Inside WeChat a visitor pays with the payment sheet (JSAPI), which needs their openid
// for our official account. WeChat gives it through a silent OAuth redirect
// (snsapi_base: no consent screen): /api/wechat/oauth sends the browser to WeChat,
// WeChat sends it back with a code, the server exchanges the code (with the account's
// AppSecret) for the openid and keeps it in a signed, HttpOnly cookie. The browser
// never names an openid itself.

export const OPENID_COOKIE = "sq_wx_openid";
const OPENID_DAYS = 30;
const STATE_MINUTES = 10;

const mac = (text: string) => createHmac("sha256", env.authSecret).update(text).digest("base64url").slice(0, 32);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The signed round trip: where to come back to, until when (WeChat passes `state` back untouched). */
function state(path: string, now: Date): string {
  const until = Math.floor(now.getTime() / 1000) + STATE_MINUTES * 60;
  const body = Buffer.from(`${until}.${randomBytes(6).toString("base64url")}.${path}`).toString("base64url");
  return `${body}.${mac(`wx-state:${body}`)}`;
}

function stateReturnPath(value: string, now: Date): string | null {
  const [body, signature] = value.split(".");
  if (!body || !signature || !same(signature, mac(`wx-state:${body}`))) return null;
  const [until, , ...path] = Buffer.from(body, "base64url").toString("utf8").split(".");
  if (!until || Number(until) < now.getTime() / 1000) return null;
  return safeCallbackPath(path.join("."), env.siteUrl);
}

/** The openid the cookie proves, or null. */
export function openidFromCookie(value: string | undefined, now = new Date()): string | null {
  const [openid, expires, signature] = (value ?? "").split(".");
  if (!openid || !expires || !signature || !/^[\w-]{6,64}$/.test(openid) || !/^\d{1,12}$/.test(expires)) return null;
  if (Number(expires) < now.getTime() / 1000) return null;
  return same(signature, mac(`wx-openid:${openid}:${expires}`)) ? openid : null;
}

function openidCookie(openid: string, secure: boolean, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + OPENID_DAYS * 86_400;
  const value = `${openid}.${expires}.${mac(`wx-openid:${openid}:${expires}`)}`;
  return `${OPENID_COOKIE}=${value}; Path=/; Max-Age=${OPENID_DAYS * 86_400}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** Where the browser goes to get its openid, coming back to `returnPath` (a path on this site). */
export function oauthStartPath(returnPath: string): string {
  return `/api/wechat/oauth?return=${encodeURIComponent(returnPath)}`;
}

const redirect = (location: string, cookie?: string) =>
  new Response(null, {
    status: 302,
    headers: { Location: location, "Cache-Control": "no-store", ...(cookie ? { "Set-Cookie": cookie } : {}) },
  });

/**
 * GET /api/wechat/oauth: without `code`, off to WeChat's authorize page (snsapi_base);
 * with `code` and our signed `state`, the code is exchanged for the openid, kept in the
 * cookie, and the browser returns to the page it came from. A code or state that does
 * not hold leads back without an openid (the page then says to pay another way).
 */
export async function handleWechatOauth(
  request: Request,
  config: WechatPayConfig | null = env.wechatpay,
  now = new Date(),
): Promise<Response> {
  const url = new URL(request.url);
  const fallback = "/";
  if (!config?.appSecret) return redirect(fallback);
  const code = url.searchParams.get("code");
  if (!code) {
    const back = safeCallbackPath(url.searchParams.get("return"), env.siteUrl) ?? fallback;
    const authorize = new URL(`${config.oauthUrl}/connect/oauth2/authorize`);
    authorize.searchParams.set("appid", config.appid);
    authorize.searchParams.set("redirect_uri", `${env.siteUrl}/api/wechat/oauth`);
    authorize.searchParams.set("response_type", "code");
    authorize.searchParams.set("scope", "snsapi_base");
    authorize.searchParams.set("state", state(back, now));
    return redirect(`${authorize.toString()}#wechat_redirect`);
  }
  const back = stateReturnPath(url.searchParams.get("state") ?? "", now);
  if (!back) return redirect(fallback);
  if (!/^[\w-]{1,128}$/.test(code)) return redirect(back);
  try {
    const exchange = new URL(`${config.snsApiUrl}/sns/oauth2/access_token`);
    exchange.searchParams.set("appid", config.appid);
    exchange.searchParams.set("secret", config.appSecret);
    exchange.searchParams.set("code", code);
    exchange.searchParams.set("grant_type", "authorization_code");
    const answer = (await (await fetch(exchange, { signal: AbortSignal.timeout(10_000) })).json()) as {
      openid?: string;
      errcode?: number;
      errmsg?: string;
    };
    if (!answer.openid || !/^[\w-]{6,64}$/.test(answer.openid)) {
      log().warn({ errcode: answer.errcode, errmsg: answer.errmsg }, "WeChat OAuth gave no openid");
      return redirect(back);
    }
    return redirect(back, openidCookie(answer.openid, secureCookies(request.url), now));
  } catch (error) {
    log().warn({ err: error }, "WeChat OAuth exchange failed");
    return redirect(back);
  }
}
