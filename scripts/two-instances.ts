// Two app instances on one PostgreSQL, one Redis (Next's shared cache) and one
// S3-compatible bucket (photos), behind a small round-robin proxy: what a town
// running this for a city deploys, started here on loopback. Built once, run twice.
// Checks, each counted as a test by `npm test`:
//   a) a route withdrawn and published again through instance A shows so on instance
//      B's cached /routes page within one second;
//   b) a photo uploaded through A is served by B;
//   c) 200 concurrent buyers, spread over both instances, for 1,000 seats hold
//      exactly 1,000, with no 5xx answer;
//   d) the evening-before reminder: both instances run the text job (every 30 s); each
//      paid order with a ticket for tomorrow gets one reminder, through the local Aliyun
//      SMS endpoint, however many job runs of either instance passed over it;
//   e) the control: both instances started again without REDIS_URL, the check (a) must
//      fail (B keeps its stale page), or (a) would prove nothing.
//   npx tsx scripts/two-instances.ts
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parseDatabaseUrl } from "../lib/database-url";
import { addDays, shanghaiDateKey, shanghaiDay } from "../lib/dates";
import { createPrismaClient, type Db } from "../lib/db-client";
import { PRIVACY_NOTICE_VERSION } from "../modules/privacy/privacy-notice";
import { buyer, createSaleFixture } from "../prisma/seed/fixtures";
import { burst, buyerAddress } from "./bench/lib";
import { type AliyunSmsServer, startAliyunSmsServer } from "./lib/aliyun-sms-server";
import { freePort, type RunningPostgres, startPostgres } from "./lib/postgres";
import { type RunningRedis, startRedis } from "./lib/redis";
import { bin, root, run } from "./lib/run";
import { type RunningS3, startS3Server } from "./lib/s3-server";

const SEATS = 1000;
const BUYERS = 200;
/** How soon instance B must show what instance A changed. */
const PROPAGATION_MS = 1000;

export type CheckResult = { name: string; ok: boolean; detail: string };

type Instance = { name: string; url: string; child: ChildProcess; log: string };

const require = createRequire(import.meta.url);

function say(line: string) {
  console.log(`  ${line}`);
}

async function waitForHealth(instance: Instance, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) break;
    try {
      if ((await fetch(`${instance.url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = readFileSync(instance.log, "utf8").split("\n").slice(-30).join("\n");
  throw new Error(`instance ${instance.name} did not answer /api/health:\n${tail}`);
}

/** `next start` on its own port and data directory, with the shared settings (as `npm start` runs it, without preparing). */
async function startInstance(
  name: string,
  env: Record<string, string>,
  scratch: string,
  drop: string[] = [],
): Promise<Instance> {
  const port = await freePort();
  const log = path.join(scratch, `instance-${name}.log`);
  const out = openSync(log, "a");
  // No -H: with a hostname set, Next 16.4 proxies next-intl's rewrite of /routes to /zh-CN/routes
  // as an outside URL, and the proxy redirects it back to /routes for ever.
  const child = spawn(bin("next"), ["start", "-p", String(port)], {
    cwd: root,
    env: {
      ...(Object.fromEntries(Object.entries(process.env).filter(([key]) => !drop.includes(key))) as NodeJS.ProcessEnv),
      ...env,
      PORT: String(port),
      DATA_DIR: path.join(scratch, `data-${name}`),
      NODE_OPTIONS: `--max-semi-space-size=32 --require ./scripts/client-address.cjs ${process.env.NODE_OPTIONS ?? ""}`,
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  closeSync(out);
  return { name, url: `http://127.0.0.1:${port}`, child, log };
}

function stopInstance(instance: Instance) {
  try {
    process.kill(-(instance.child.pid ?? 0), "SIGTERM");
  } catch {
    // gone
  }
}

/** A load balancer in miniature: each request goes to the next upstream in turn. */
function roundRobinProxy(upstreams: string[]) {
  let targets = upstreams.map((u) => new URL(u));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const served = targets.map(() => 0);
  let next = 0;
  const server = http.createServer((req, res) => {
    const i = next++ % targets.length;
    const target = targets[i] as URL;
    served[i] = (served[i] ?? 0) + 1;
    const upstream = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        // As a real proxy does: the client's address goes on the end of X-Forwarded-For
        // (the instances trust this proxy, TRUST_PROXY=loopback).
        headers: {
          ...req.headers,
          host: `${target.hostname}:${target.port}`,
          "x-forwarded-for": [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", "),
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 30_000;
  return {
    served,
    /** Sends to these from now on. */
    retarget: (urls: string[]) => {
      targets = urls.map((u) => new URL(u));
    },
    listen: (port: number) => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: () => {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  };
}

/** Signs in as a demo account through next-auth's credentials flow; returns the cookie header. */
async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const at = pair?.indexOf("=") ?? -1;
      if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in as ${email} failed (${res.status})`);
  }
  return cookie();
}

/** The id the build gave a server action (the browser learns it from the page). */
function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, a]) => a.filename === filename && a.exportedName === exportedName,
  );
  if (!found) throw new Error(`server action ${filename}#${exportedName} not in the build`);
  return found[0];
}

/**
 * Calls a server action over HTTP exactly as the browser does: React's encoding of
 * the arguments (previous state, form data), the action's id in `Next-Action`.
 */
async function callAction(
  base: string,
  page: string,
  cookie: string,
  action: [filename: string, exportedName: string],
  form: FormData,
): Promise<string> {
  const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node") as {
    encodeReply: (value: unknown) => Promise<FormData | string>;
  };
  const body = await encodeReply([{ status: "idle" }, form]);
  const res = await fetch(`${base}${page}`, {
    method: "POST",
    headers: {
      "next-action": actionId(...action),
      accept: "text/x-component",
      origin: base,
      cookie,
    },
    body,
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${action[1]} answered ${res.status}: ${text.slice(0, 200)}`);
  if (!text.includes('"status":"success"')) throw new Error(`${action[1]} did not succeed: ${text.slice(0, 300)}`);
  return text;
}

/** The error lines of an instance's log (JSON lines at level 50 and above), the last ten. */
function errorsIn(log: string): string {
  return readFileSync(log, "utf8")
    .split("\n")
    .filter((line) => /"level":(50|60)|Error/.test(line))
    .slice(-10)
    .join("\n");
}

/** An error's message with its cause (fetch says only "fetch failed" and keeps the reason there). */
function explain(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

/** Polls `check` until it holds or `ms` pass; returns how long it took, or null. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  do {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() - started <= ms);
  return null;
}

async function listsRoute(base: string, slug: string): Promise<{ listed: boolean; cache: string | null }> {
  const res = await fetch(`${base}/routes`);
  const html = await res.text();
  return { listed: html.includes(`data-route="${slug}"`), cache: res.headers.get("x-nextjs-cache") };
}

async function checkRoutePublishing(a: Instance, b: Instance, db: Db, cookie: string): Promise<CheckResult> {
  const name = "a route withdrawn and published through A shows so on B's cached /routes within 1 s";
  const route = await db.route.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { slug: "asc" } });
  // B renders /routes once and keeps it in the shared cache.
  const before = await listsRoute(b.url, route.slug);
  const cachedAgain = await listsRoute(b.url, route.slug);
  if (!before.listed) return { name, ok: false, detail: `B's /routes did not list ${route.slug} to begin with` };
  say(`B's /routes lists ${route.slug} (x-nextjs-cache: ${before.cache ?? "-"}, then ${cachedAgain.cache ?? "-"})`);
  const form = new FormData();
  form.set("id", route.id);
  await callAction(
    a.url,
    `/admin/routes/${route.id}`,
    cookie,
    ["modules/routes/actions.ts", "unpublishRouteAction"],
    form,
  );
  const gone = await within(PROPAGATION_MS, async () => !(await listsRoute(b.url, route.slug)).listed);
  say(`withdrawn through A: ${gone === null ? "still listed on B after 1 s" : `gone from B after ${gone} ms`}`);
  await callAction(
    a.url,
    `/admin/routes/${route.id}`,
    cookie,
    ["modules/routes/actions.ts", "publishRouteAction"],
    form,
  );
  const back = await within(PROPAGATION_MS, async () => (await listsRoute(b.url, route.slug)).listed);
  say(`published through A: ${back === null ? "still missing on B after 1 s" : `listed on B after ${back} ms`}`);
  const cached = await listsRoute(b.url, route.slug);
  return {
    name,
    ok: gone !== null && back !== null && cached.listed,
    detail: `withdrawn: ${gone === null ? "still listed after 1 s" : `${gone} ms`}, published: ${back === null ? "still missing after 1 s" : `${back} ms`}`,
  };
}

async function checkPhoto(a: Instance, b: Instance, cookie: string, s3: RunningS3): Promise<CheckResult> {
  const name = "a photo uploaded through A is served by B";
  const png = await sharp({
    create: { width: 1000, height: 700, channels: 3, background: `#${randomBytes(3).toString("hex")}` },
  })
    .png()
    .toBuffer();
  const id = createHash("sha256").update(png).digest("hex").slice(0, 32);
  const form = new FormData();
  form.set("file", new File([new Uint8Array(png)], "cover.png", { type: "image/png" }));
  const answer = await callAction(
    a.url,
    "/admin/routes/new",
    cookie,
    ["modules/media/actions.ts", "uploadRouteCoverAction"],
    form,
  );
  if (!answer.includes(`/media/${id}/960.webp`)) return { name, ok: false, detail: "A's answer named no photo URL" };
  const fromB = await fetch(`${b.url}/media/${id}/960.webp`);
  const fromA = await fetch(`${a.url}/media/${id}/960.webp`);
  const [bytesB, bytesA] = [Buffer.from(await fromB.arrayBuffer()), Buffer.from(await fromA.arrayBuffer())];
  const ok =
    fromB.status === 200 &&
    fromB.headers.get("content-type") === "image/webp" &&
    fromB.headers.get("cache-control") === "public, max-age=31536000, immutable" &&
    bytesB.length > 0 &&
    bytesB.equals(bytesA);
  say(
    `uploaded through A as /media/${id}/960.webp; B answers ${fromB.status} (${bytesB.length} bytes, bucket ${s3.bucket})`,
  );
  return { name, ok, detail: `B: ${fromB.status} ${fromB.headers.get("content-type")}` };
}

const REMINDED_ORDERS = 10;
/** The text job runs every 30 s on each instance (modules/orders/texts/text-sweeper.ts). */
const TEXT_JOB_MS = 30_000;
const REMINDER_TEMPLATE = "SMS_200000031";

/**
 * Paid orders for a session tomorrow, placed and paid through the proxy (so both
 * instances take part), paid "yesterday" (an order paid within the reminder hours has
 * just had its e-tickets by text and is not reminded). The instances run with the
 * reminder hours set to the whole day, so the job's next run on either finds them.
 */
async function placeRemindedOrders(
  proxyUrl: string,
  instances: Instance[],
  db: Db,
): Promise<{ ids: string[]; phones: string[] }> {
  const tomorrow = shanghaiDay(shanghaiDateKey(addDays(new Date(), 1))).start;
  const startsInHours = (tomorrow.getTime() + 14 * 3_600_000 - Date.now()) / 3_600_000;
  const { single, session } = await createSaleFixture(db, { capacity: REMINDED_ORDERS, startsInHours });
  const ids: string[] = [];
  const phones: string[] = [];
  for (let n = 0; n < REMINDED_ORDERS; n++) {
    const customer = buyer(2_000_000 + n);
    const res = await fetch(`${proxyUrl}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", ...buyerAddress(60_000 + n) },
      body: JSON.stringify({
        items: [{ kind: "ticket", ticketTypeId: single.id, sessionId: session.id, quantity: 1 }],
        customer,
        privacyConsent: PRIVACY_NOTICE_VERSION,
      }),
    });
    if (res.status !== 201) throw new Error(`order ${n} answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    const placed = (await res.json()) as { order: { id: string }; paymentUrl: string; accessToken: string };
    const form = new FormData();
    form.set("orderId", placed.order.id);
    form.set("token", placed.accessToken);
    form.set("decision", "pay");
    // Paid on each instance in turn (straight, not through the proxy: Next checks a server
    // action's Origin against the host it is served as).
    await callAction(
      (instances[n % instances.length] as Instance).url,
      new URL(placed.paymentUrl).pathname,
      "",
      ["modules/payments/actions.ts", "demoPaymentAction"],
      form,
    );
    ids.push(placed.order.id);
    phones.push(customer.phone);
  }
  await db.order.updateMany({ where: { id: { in: ids } }, data: { paidAt: addDays(new Date(), -1) } });
  return { ids, phones };
}

/** Every order reminded once (one outbox row each, each sent at most once), after both instances ran the job again. */
async function checkReminders(
  placed: { ids: string[]; phones: string[] },
  db: Db,
  sms: AliyunSmsServer,
): Promise<CheckResult> {
  const name = `the evening-before reminder: ${REMINDED_ORDERS} paid orders reminded once each with both instances running the job`;
  const rows = () => db.textMessage.findMany({ where: { kind: "reminder", to: { in: placed.phones } } });
  const reminded = () => db.order.count({ where: { id: { in: placed.ids }, reminderSentAt: { not: null } } });
  const took = await within(4 * TEXT_JOB_MS, async () => (await reminded()) === REMINDED_ORDERS);
  if (took === null)
    return { name, ok: false, detail: `${await reminded()} of ${REMINDED_ORDERS} reminded within 2 min` };
  say(
    `all ${REMINDED_ORDERS} reminded ${(took / 1000).toFixed(0)} s into the check; waiting for both instances' next runs`,
  );
  // Each instance runs the job at least once more in this time: a second reminder would show.
  await new Promise((r) => setTimeout(r, TEXT_JOB_MS + 5_000));
  const written = await rows();
  const perPhone = placed.phones.map((p) => written.filter((r) => r.to === p).length);
  const sent = written.filter((r) => r.sentAt !== null).length;
  const atGateway = sms.texts.filter(
    (t) => t.templateCode === REMINDER_TEMPLATE && placed.phones.some((p) => t.phoneNumbers.endsWith(p)),
  );
  say(
    `reminders in the outbox: ${written.length} (${sent} sent, the rest waiting out quiet hours); at the gateway: ${atGateway.length}`,
  );
  return {
    name,
    ok:
      perPhone.every((c) => c === 1) &&
      atGateway.length === sent &&
      written.every((r) => r.templateCode === REMINDER_TEMPLATE),
    detail: `outbox ${written.length} for ${REMINDED_ORDERS} orders (per number ${[...new Set(perPhone)].join("/")}), gateway ${atGateway.length}, sent ${sent}`,
  };
}

async function checkSale(proxyUrl: string, served: number[], db: Db): Promise<CheckResult> {
  const name = `${BUYERS} concurrent buyers over both instances hold exactly ${SEATS} seats, no 5xx`;
  const { single, session } = await createSaleFixture(db, { capacity: SEATS });
  const before = [...served];
  let n = 0;
  const result = await burst({
    url: `${proxyUrl}/api/orders`,
    body: () =>
      JSON.stringify({
        items: [{ kind: "ticket", ticketTypeId: single.id, sessionId: session.id, quantity: 1 }],
        customer: buyer(1_000_000 + n++),
        privacyConsent: PRIVACY_NOTICE_VERSION,
      }),
    connections: BUYERS,
    amount: SEATS + BUYERS * 2,
    warmConnections: true,
    warmPath: "/api/health",
    // Each buyer from an address of its own (the bench names them as a trusted proxy would).
    headers: buyerAddress,
  });
  const reserved = (await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved;
  const answers = [...result.latencies].map(([status, list]) => `${status}×${list.length}`).join(", ");
  const fiveXX = [...result.latencies].filter(([s]) => s >= 500).reduce((sum, [, l]) => sum + l.length, 0);
  const created = result.latencies.get(201)?.length ?? 0;
  const spread = served.map((count, i) => count - (before[i] ?? 0));
  say(`answers: ${answers} (network errors ${result.errors}); requests per instance: ${spread.join(" / ")}`);
  say(`seats held in the database: ${reserved} of ${SEATS}`);
  return {
    name,
    ok: reserved === SEATS && created === SEATS && fiveXX === 0 && result.errors === 0 && spread.every((c) => c > 0),
    detail: `held ${reserved}, 201×${created}, 5xx×${fiveXX}, errors ${result.errors}`,
  };
}

export type Cluster = {
  instances: Instance[];
  proxyUrl: string;
  /** Requests the proxy sent to each instance so far. */
  served: number[];
  db: Db;
  env: Record<string, string>;
  s3: RunningS3;
  /** The local Aliyun SMS endpoint the instances text through. */
  sms: AliyunSmsServer;
  /** Stops the instances and starts as many again on the same services, without the settings named. */
  restart: (drop: string[]) => Promise<Instance[]>;
  stop: () => Promise<void>;
};

/**
 * `count` instances on one PostgreSQL, one Redis and one S3-compatible bucket, behind a
 * round-robin proxy: prepared (migrated, seeded, built) once, then started without a
 * rebuild, as container images are. `stop` stops every service it started. Also used
 * by `npm run bench:orders -- --instances 2 --db postgresql`.
 */
export async function startCluster(count = 2, extraEnv: Record<string, string> = {}): Promise<Cluster> {
  const scratch = mkdtempSync(path.join(tmpdir(), "suoqian-two-"));
  let postgres: RunningPostgres | null = null;
  let redis: RunningRedis | null = null;
  let s3: RunningS3 | null = null;
  let sms: AliyunSmsServer | null = null;
  const instances: Instance[] = [];
  let proxy: ReturnType<typeof roundRobinProxy> | null = null;
  let db: Db | null = null;
  const stop = async () => {
    proxy?.close();
    for (const i of instances) stopInstance(i);
    await db?.$disconnect();
    await s3?.stop();
    await sms?.stop();
    redis?.stop();
    postgres?.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const started = Date.now();
    [postgres, redis, s3, sms] = await Promise.all([
      startPostgres(["suoqian_two"]),
      startRedis(),
      startS3Server(),
      startAliyunSmsServer(),
    ]);
    say(`PostgreSQL on ${postgres.port}, Redis at ${redis.url}, S3 at ${s3.endpoint}, SMS at ${sms.url}`);
    const proxyPort = await freePort();
    const proxyUrl = `http://127.0.0.1:${proxyPort}`;
    const password = process.env.DEMO_PASSWORD || `Two-${randomBytes(6).toString("hex")}`;
    const env: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: postgres.url("suoqian_two"),
      SEED_DEMO_DATA: "true",
      DEMO_PASSWORD: password,
      // Shared by every instance, from the environment (a start on PostgreSQL requires it).
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      TICKET_SECRET: randomBytes(32).toString("base64url"),
      REDIS_URL: redis.url,
      ...s3.env,
      NEXTAUTH_URL: proxyUrl,
      // The proxy in front is trusted to name each client's address.
      TRUST_PROXY: "loopback",
      // The buyers' addresses are named by the bench: counted, but not refused.
      RATE_LIMIT_ORDERS: "1000000/1m",
      // Texts through the local Aliyun endpoint; reminders at any hour, so the check runs whenever the tests do.
      SMS_PROVIDER: "aliyun",
      ALIYUN_SMS_ACCESS_KEY_ID: sms.accessKeyId,
      ALIYUN_SMS_ACCESS_KEY_SECRET: sms.accessKeySecret,
      ALIYUN_SMS_ENDPOINT: sms.url,
      SMS_SIGN_NAME: "所前游",
      SMS_TEMPLATE_CODE: "SMS_200000001",
      SMS_TEMPLATE_TICKETS: "SMS_200000011",
      SMS_TEMPLATE_REMINDER: REMINDER_TEMPLATE,
      TEXT_REMINDER_HOURS: "0-24",
      ...extraEnv,
    };
    // Once: migrate, seed and build (what `npm start` does before `next start`).
    say("preparing once: migrate, seed, build…");
    // TWO_INSTANCES_REUSE_BUILD=1 keeps the current .next (while working on this script only).
    const reuse = process.env.TWO_INSTANCES_REUSE_BUILD === "1" ? ["--no-build"] : [];
    run("prepare (migrate, seed, build)", bin("tsx"), ["scripts/prepare.ts", ...reuse], {
      ...env,
      DATA_DIR: path.join(scratch, "data-build"),
    });
    say(`prepared in ${((Date.now() - started) / 1000).toFixed(0)} s; starting ${count} instances (no rebuild)`);
    for (let i = 0; i < count; i++) instances.push(await startInstance(String.fromCharCode(65 + i), env, scratch));
    await Promise.all(instances.map((i) => waitForHealth(i, 60_000)));
    say(`${instances.map((i) => `${i.name} at ${i.url}`).join(", ")}; proxy at ${proxyUrl}`);
    proxy = roundRobinProxy(instances.map((i) => i.url));
    await proxy.listen(proxyPort);
    db = createPrismaClient(parseDatabaseUrl(env.DATABASE_URL as string));
    const restart = async (drop: string[]) => {
      for (const i of instances.splice(0)) stopInstance(i);
      await new Promise((r) => setTimeout(r, 500));
      const kept = Object.fromEntries(Object.entries(env).filter(([key]) => !drop.includes(key)));
      for (let i = 0; i < count; i++) {
        instances.push(await startInstance(`${String.fromCharCode(65 + i)}2`, kept, scratch, drop));
      }
      await Promise.all(instances.map((i) => waitForHealth(i, 60_000)));
      proxy?.retarget(instances.map((i) => i.url));
      return [...instances];
    };
    return { instances: [...instances], proxyUrl, served: proxy.served, db, env, s3, sms, restart, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Runs the whole check; every service it starts is stopped again. Returns one
 * result per check (a failure to set up counts as one failed check).
 */
export async function runTwoInstances(): Promise<CheckResult[]> {
  let cluster: Cluster | null = null;
  const results: CheckResult[] = [];
  try {
    cluster = await startCluster(2);
    const { instances, proxyUrl, served, db, env, s3, sms } = cluster;
    const [a, b] = instances as [Instance, Instance];
    const cookie = await signIn(a.url, "admin@suoqian.test", env.DEMO_PASSWORD as string);

    const attempt = async (name: string, fn: () => Promise<CheckResult>) => {
      try {
        results.push(await fn());
      } catch (error) {
        results.push({ name, ok: false, detail: explain(error) });
      }
      const last = results[results.length - 1] as CheckResult;
      console.log(`${last.ok ? "✓" : "✖"} ${last.name} (${last.detail})`);
      if (!last.ok) for (const i of instances) say(`instance ${i.name}'s errors:\n${errorsIn(i.log)}`);
    };
    // The reminders' orders first: the instances' text jobs pick them up while the other checks run.
    let reminded: Awaited<ReturnType<typeof placeRemindedOrders>> | null = null;
    try {
      reminded = await placeRemindedOrders(proxyUrl, instances, db);
    } catch (error) {
      await attempt("reminder orders", async () => ({
        name: "the evening-before reminder: orders placed and paid",
        ok: false,
        detail: explain(error),
      }));
    }
    await attempt("route publishing", () => checkRoutePublishing(a, b, db, cookie));
    await attempt("photo", () => checkPhoto(a, b, cookie, s3));
    await attempt("sale", () => checkSale(proxyUrl, served, db));
    if (reminded) {
      const placed = reminded;
      await attempt("reminder", () => checkReminders(placed, db, sms));
    }
    // The control: the same check without REDIS_URL (each instance keeps its own cache)
    // must fail, or the check above proves nothing.
    await attempt("control", async () => {
      const [a2, b2] = (await (cluster as Cluster).restart(["REDIS_URL"])) as [Instance, Instance];
      const cookie2 = await signIn(a2.url, "admin@suoqian.test", env.DEMO_PASSWORD as string);
      say("control: both instances again, without REDIS_URL");
      const without = await checkRoutePublishing(a2, b2, db, cookie2);
      return {
        name: "control: without REDIS_URL, B's cached /routes does not follow A within 1 s",
        ok: !without.ok,
        detail: without.detail,
      };
    });
  } catch (error) {
    const message = explain(error);
    console.log(`✖ two instances could not be set up: ${message}`);
    results.push({ name: "two instances set up", ok: false, detail: message });
  } finally {
    await cluster?.stop();
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runTwoInstances().then((results) => {
    const failed = results.filter((r) => !r.ok).length;
    console.log(`\n${results.length - failed} passed, ${failed} failed`);
    process.exit(failed > 0 ? 1 : 0);
  });
}
