import { withRoute } from "@/modules/auth/route-guard";
import { handleAlipayNotification } from "@/modules/payments/alipay/webhook";

export const dynamic = "force-dynamic";

// Public: Alipay calls it, and its signature (checked first) says who is calling.
export const POST = withRoute("public", (request) => handleAlipayNotification(request));
