import "server-only";
import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { RuntimeOptions } from "@darabonba/typescript";
import type { SmsConfig } from "./settings";

/** What a gateway is asked to send: a number, an approved template and its parameters. */
export type TemplatedText = { to: string; templateCode: string; params: Record<string, string> };

/** What an SMS gateway must do: deliver one text (its provider's id for it) or throw. */
export type TextGateway = { readonly name: "aliyun"; send(text: TemplatedText): Promise<{ providerRef: string }> };

/** A refusal by the provider: its code and message, as it sent them. */
export class TextGatewayError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "TextGatewayError";
  }
}

/**
 * Aliyun SMS (短信服务) through its official SDK: SendSms with the account's signature and
 * the kind's template, signed by the SDK (ACS3-HMAC-SHA256). A text waits at most a few
 * seconds: a code someone waits for, an order confirmation behind a payment.
 */
export function createAliyunGateway(config: SmsConfig & { provider: "aliyun" }): TextGateway {
  const client = new Dysmsapi(
    new $OpenApiUtil.Config({
      accessKeyId: config.accessKeyId,
      accessKeySecret: config.accessKeySecret,
      endpoint: config.endpoint.host,
      protocol: config.endpoint.protocol,
      regionId: "cn-hangzhou",
    }),
  );
  const runtime = new RuntimeOptions({ connectTimeout: 5_000, readTimeout: 10_000, autoretry: false });
  return {
    name: "aliyun",
    async send(text) {
      const response = await client.sendSmsWithOptions(
        new SendSmsRequest({
          phoneNumbers: text.to,
          signName: config.signName,
          templateCode: text.templateCode,
          templateParam: JSON.stringify(text.params),
        }),
        runtime,
      );
      const body = response.body;
      if (body?.code !== "OK") throw new TextGatewayError(body?.code ?? "NoAnswer", body?.message ?? "no answer");
      return { providerRef: body.bizId ?? body.requestId ?? "" };
    },
  };
}
