import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type AlipayGateway, startAlipayGateway } from "./alipay-gateway";
import { freePort } from "./postgres";
import { startWechatPayServer, type WechatPayServer } from "./wechatpay-server";

// For the payment journeys: the local WeChat Pay and Alipay peers, and a second server of
// the same production install on the same data (database and secrets) configured with
// both providers, as a mainland seller runs it. The main server stays in demo mode.

export type PaymentApp = {
  url: string;
  wechat: WechatPayServer;
  alipay: AlipayGateway;
  stop: () => Promise<void>;
};

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the payment server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the payment server did not answer at ${url}`);
}

export async function startPaymentApp(appDir: string, env: NodeJS.ProcessEnv): Promise<PaymentApp> {
  const [wechat, alipay] = await Promise.all([startWechatPayServer({ refundDelayMs: 50 }), startAlipayGateway()]);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(appDir, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: appDir,
    env: {
      ...env,
      PORT: String(port),
      NEXTAUTH_URL: url,
      NODE_OPTIONS: `--max-semi-space-size=32 --require ./scripts/client-address.cjs ${env.NODE_OPTIONS ?? ""}`,
      WECHATPAY_MCHID: wechat.mchid,
      WECHATPAY_APPID: wechat.appid,
      WECHATPAY_APP_SECRET: wechat.appSecret,
      WECHATPAY_MERCHANT_SERIAL: wechat.merchantSerial,
      WECHATPAY_PRIVATE_KEY: wechat.merchantPrivateKeyPem,
      WECHATPAY_API_V3_KEY: wechat.apiV3Key,
      WECHATPAY_PUBLIC_KEY: wechat.platformPublicKeyPem,
      WECHATPAY_PUBLIC_KEY_ID: wechat.publicKeyId,
      WECHATPAY_API_URL: wechat.url,
      WECHAT_OAUTH_URL: wechat.url,
      WECHAT_API_URL: wechat.url,
      ALIPAY_APP_ID: alipay.appId,
      ALIPAY_PRIVATE_KEY: alipay.appPrivateKeyPem,
      ALIPAY_PUBLIC_KEY: alipay.alipayPublicKeyPem,
      ALIPAY_GATEWAY_URL: alipay.url,
    },
    stdio: "inherit",
    detached: true,
  });
  const stop = async () => {
    try {
      process.kill(-(child.pid ?? 0), "SIGTERM");
    } catch {
      // gone
    }
    await Promise.allSettled([wechat.stop(), alipay.stop()]);
  };
  try {
    await waitFor(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, wechat, alipay, stop };
}
