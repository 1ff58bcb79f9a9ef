import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A local Aliyun SMS (Dysmsapi 2017-05-25) endpoint for tests: it checks every request's
// signature as Aliyun documents its V3 signature (ACS3-HMAC-SHA256 over the canonical
// request), refuses a stale date or a nonce seen before, and records the texts sent.
// The app talks to it with Aliyun's own SDK, pointed here by ALIYUN_SMS_ENDPOINT.

export type ReceivedText = {
  phoneNumbers: string;
  signName: string;
  templateCode: string;
  templateParam: Record<string, string>;
  bizId: string;
};

export type AliyunSmsServer = {
  url: string;
  accessKeyId: string;
  accessKeySecret: string;
  texts: ReceivedText[];
  /** Requests refused for their signature, date or nonce (with why). */
  refused: string[];
  /** The next answers are this provider error (e.g. "isv.BUSINESS_LIMIT_CONTROL"), or null for OK. */
  failNext(code: string | null, times?: number): void;
  stop(): Promise<void>;
};

const ALGORITHM = "ACS3-HMAC-SHA256";
const MAX_SKEW_MS = 15 * 60_000;

/** RFC 3986 percent-encoding as the signature uses it. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const sha256 = (data: Buffer | string) => createHash("sha256").update(data).digest("hex");

function canonicalRequest(req: IncomingMessage, url: URL, body: Buffer, signed: string[]): string {
  const query = [...url.searchParams.keys()]
    .filter((k, i, all) => all.indexOf(k) === i)
    .sort()
    .map((k) => `${k}=${encode(url.searchParams.get(k) ?? "")}`)
    .join("&");
  const headers = signed.map((name) => `${name}:${String(req.headers[name] ?? "").trim()}\n`).join("");
  return [req.method, url.pathname, query, headers, signed.join(";"), sha256(body)].join("\n");
}

/** Why the request's signature does not hold, or null when it does. */
function signatureProblem(
  req: IncomingMessage,
  url: URL,
  body: Buffer,
  keys: { id: string; secret: string },
  nonces: Set<string>,
): string | null {
  const match = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
    String(req.headers.authorization ?? ""),
  );
  if (!match) return "no ACS3-HMAC-SHA256 Authorization header";
  const [, credential, signedHeaders = "", signature = ""] = match;
  if (credential !== keys.id) return `unknown AccessKeyId ${credential}`;
  const signed = signedHeaders.split(";");
  for (const required of ["host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce"]) {
    if (!signed.includes(required)) return `header ${required} is not signed`;
  }
  if (req.headers["x-acs-content-sha256"] !== sha256(body)) return "x-acs-content-sha256 does not match the body";
  const date = Date.parse(String(req.headers["x-acs-date"]));
  if (!Number.isFinite(date) || Math.abs(Date.now() - date) > MAX_SKEW_MS) return "x-acs-date is stale";
  const nonce = String(req.headers["x-acs-signature-nonce"]);
  if (nonces.has(nonce)) return "x-acs-signature-nonce was used before";
  const stringToSign = `${ALGORITHM}\n${sha256(canonicalRequest(req, url, body, signed))}`;
  const expected = createHmac("sha256", keys.secret).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return "signature mismatch";
  nonces.add(nonce);
  return null;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Starts the endpoint on a free loopback port; `accessKeySecret` is what the app must sign with. */
export async function startAliyunSmsServer(
  keys = { accessKeyId: "LTAI-test-key", accessKeySecret: `secret-${randomUUID()}` },
): Promise<AliyunSmsServer> {
  const texts: ReceivedText[] = [];
  const refused: string[] = [];
  const nonces = new Set<string>();
  let failing: { code: string; times: number } | null = null;
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", "http://localhost");
    const answer = (status: number, json: Record<string, unknown>) => {
      res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
      res.end(JSON.stringify({ RequestId: randomUUID(), ...json }));
    };
    const problem = signatureProblem(req, url, body, { id: keys.accessKeyId, secret: keys.accessKeySecret }, nonces);
    if (problem) {
      refused.push(problem);
      return answer(400, { Code: "SignatureDoesNotMatch", Message: problem });
    }
    if (req.headers["x-acs-action"] !== "SendSms" || req.headers["x-acs-version"] !== "2017-05-25") {
      return answer(404, { Code: "InvalidAction.NotFound", Message: "only SendSms 2017-05-25 here" });
    }
    const q = (name: string) => url.searchParams.get(name) ?? "";
    if (!/^1[3-9]\d{9}$/.test(q("PhoneNumbers")))
      return answer(200, { Code: "isv.MOBILE_NUMBER_ILLEGAL", Message: "bad number" });
    if (!/^SMS_\d+$/.test(q("TemplateCode")))
      return answer(200, { Code: "isv.SMS_TEMPLATE_ILLEGAL", Message: "bad template" });
    if (failing && failing.times > 0) {
      failing.times--;
      return answer(200, { Code: failing.code, Message: "refused by the test" });
    }
    let templateParam: Record<string, string>;
    try {
      templateParam = JSON.parse(q("TemplateParam") || "{}") as Record<string, string>;
    } catch {
      return answer(200, { Code: "isv.INVALID_JSON_PARAM", Message: "TemplateParam is not JSON" });
    }
    const bizId = `${Date.now()}^${randomUUID().slice(0, 8)}`;
    texts.push({
      phoneNumbers: q("PhoneNumbers"),
      signName: q("SignName"),
      templateCode: q("TemplateCode"),
      templateParam,
      bizId,
    });
    return answer(200, { Code: "OK", Message: "OK", BizId: bizId });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...keys,
    texts,
    refused,
    failNext(code, times = 1) {
      failing = code ? { code, times } : null;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
