import { withRoute } from "@/modules/auth/route-guard";
import { handleWechatOauth } from "@/modules/payments/wechatpay/oauth";

export const dynamic = "force-dynamic";

// Public: a visitor inside WeChat about to pay; it only ever sets the visitor's own openid cookie.
export const GET = withRoute("public", (request) => handleWechatOauth(request));
