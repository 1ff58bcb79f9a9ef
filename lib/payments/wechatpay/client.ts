import "server-only";
import { Wechatpay } from "wechatpay-axios-plugin";
import type { WechatPayConfig } from "./settings";

/**
 * WeChat Pay API v3 through `wechatpay-axios-plugin` (WeChat Pay publishes no Node SDK;
 * this library is the maintained one its docs site links): it signs each request with
 * the merchant's key and refuses any answer whose Wechatpay-Signature does not verify
 * with WeChat Pay's public key (or platform certificate) named by Wechatpay-Serial.
 */
export function createWechatPayClient(config: WechatPayConfig): Wechatpay {
  return new Wechatpay({
    mchid: config.mchid,
    serial: config.merchantSerial,
    privateKey: config.merchantPrivateKey,
    certs: { ...config.verifiers },
    baseURL: `${config.apiUrl}/`,
    timeout: 10_000,
  } as ConstructorParameters<typeof Wechatpay>[0]);
}
