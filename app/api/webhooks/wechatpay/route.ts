import { withRoute } from "@/modules/auth/route-guard";
import { handleWechatPayNotification } from "@/modules/payments/wechatpay/webhook";

export const dynamic = "force-dynamic";

// Public: WeChat Pay calls it, and its signature (checked first) says who is calling.
export const POST = withRoute("public", (request) => handleWechatPayNotification(request));
