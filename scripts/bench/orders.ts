// Benchmark: 200 concurrent buyers for one session of 1,000 seats, POST /api/orders,
// until sold out (after a warm-up on another session). Reports orders per second,
// p50/p95 latency, and checks that exactly 1,000 seats were held.
//   npx tsx scripts/bench/orders.ts                                SQLite, one instance
//   npx tsx scripts/bench/orders.ts --db postgresql                PostgreSQL (a throwaway local cluster)
//   npx tsx scripts/bench/orders.ts --instances 2 --db postgresql  two instances on one PostgreSQL and
//                                                                  one Redis behind a round-robin proxy
//
// Two runs, each on a fresh session:
// - "buyers on the page": each buyer's connection is already open when the sale
//   starts, as it is for a browser showing the festival page (it loaded the page and
//   polls the seats), or for a reverse proxy's keep-alive pool in production.
// - "cold connections": all 200 buyers open a TCP connection at the same instant.
//   Node accepts one new connection per turn of its event loop, and under full load
//   a turn lasts tens of milliseconds, so the last connections wait; this run shows
//   that cost.
import { randomBytes } from "node:crypto";
import { parseDatabaseUrl } from "../../lib/database-url";
import { createPrismaClient, type Db } from "../../lib/db-client";
import { PRIVACY_NOTICE_VERSION } from "../../modules/privacy/privacy-notice";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { type RunningPostgres, startPostgres } from "../lib/postgres";
import { startCluster } from "../two-instances";
import { type App, burst, type Figure, flag, numberFlag, percentile, runWhenCommand, startApp } from "./lib";

const SEATS = 1000;
const BUYERS = 200;
/** Targets of the festival-ticket issue: on SQLite, one instance; the same asked of the others. */
const TARGET_ORDERS_PER_S = 300;
const TARGET_P95_MS = 500;

let buyers = 0;

/** Each request is another buyer (a buyer may hold only so many unpaid seats of a session). */
function orderBody(ticketTypeId: string, sessionId: string) {
  return () =>
    JSON.stringify({
      items: [{ kind: "ticket", ticketTypeId, sessionId, quantity: 1 }],
      customer: buyer(buyers++),
      privacyConsent: PRIVACY_NOTICE_VERSION,
    });
}

async function sale(db: Db, url: string, label: string, warmConnections: boolean, setup: string): Promise<Figure[]> {
  const { single, session } = await createSaleFixture(db, { capacity: SEATS });
  const result = await burst({
    url: `${url}/api/orders`,
    body: orderBody(single.id, session.id),
    connections: BUYERS,
    amount: SEATS + BUYERS * 2,
    warmConnections,
    warmPath: "/api/health",
    stopStatus: 409,
  });
  const sold = result.latencies.get(201) ?? [];
  const seconds = (result.firstStopAt || result.elapsed) / 1000;
  const reserved = (await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved;
  const answers = [...result.latencies].map(([status, list]) => `${status}×${list.length}`).join(", ");
  const fiveXX = [...result.latencies].filter(([s]) => s >= 500).reduce((sum, [, l]) => sum + l.length, 0);
  const rate = sold.length / seconds;
  const p50 = percentile(sold, 50);
  const p95 = percentile(sold, 95);
  console.log(`\n${label}`);
  console.log(`  answers: ${answers} (errors ${result.errors})`);
  console.log(
    `  orders placed until sold out: ${sold.length} in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} orders/s`,
  );
  console.log(
    `  latency of successful orders: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${percentile(sold, 100).toFixed(0)} ms`,
  );
  console.log(`  seats held in the database: ${reserved} (must be exactly ${SEATS})`);
  const at = `orders, ${setup}, ${label}`;
  return [
    {
      name: `${at}: orders/s`,
      value: rate.toFixed(0),
      target: `≥ ${TARGET_ORDERS_PER_S}`,
      ok: rate >= TARGET_ORDERS_PER_S,
    },
    { name: `${at}: p50`, value: `${p50.toFixed(0)} ms` },
    { name: `${at}: p95`, value: `${p95.toFixed(0)} ms`, target: `< ${TARGET_P95_MS} ms`, ok: p95 < TARGET_P95_MS },
    {
      name: `${at}: seats held, 5xx answers`,
      value: `${reserved}, ${fiveXX}`,
      target: `exactly ${SEATS}, 0`,
      ok: reserved === SEATS && sold.length === SEATS && result.errors === 0 && fiveXX === 0,
    },
  ];
}

export type OrdersOptions = { db: "sqlite" | "postgresql"; instances: number; app?: App };

/** The warm-up, then both runs; for one instance or several behind a round-robin proxy. */
export async function runOrders({ db: kind, instances, app: shared }: OrdersOptions): Promise<Figure[]> {
  if (instances > 1 && kind !== "postgresql")
    throw new Error("several instances share one PostgreSQL: add --db postgresql");
  let pg: RunningPostgres | null = null;
  let stop: () => Promise<void> | void;
  let url: string;
  let db: Db;
  // All buyers come from this one address: the per-address limit is counted as in
  // production (its cost is in the figures) but set high enough not to refuse them.
  const env: Record<string, string> = { RATE_LIMIT_ORDERS: process.env.RATE_LIMIT_ORDERS ?? "1000000/1m" };
  if (instances > 1) {
    const cluster = await startCluster(instances, env);
    ({ proxyUrl: url, db } = cluster);
    stop = cluster.stop;
  } else {
    if (kind === "postgresql") {
      pg = await startPostgres(["suoqian_bench"]);
      env.DATABASE_URL = pg.url("suoqian_bench");
      env.SEED_DEMO_DATA = "true";
      // A start on PostgreSQL takes its secrets from the environment (every instance shares them).
      env.AUTH_SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url");
      env.TICKET_SECRET = process.env.TICKET_SECRET ?? randomBytes(32).toString("base64url");
    }
    // A shared app (npm run bench) is started with the same order limit.
    const app = shared ?? (await startApp(env));
    url = app.url;
    db = createPrismaClient(parseDatabaseUrl(env.DATABASE_URL ?? (app.env.DATABASE_URL as string)));
    stop = async () => {
      await db.$disconnect();
      if (!shared) app.stop();
      pg?.stop();
    };
  }
  try {
    const healthy = (await (await fetch(`${url}/api/health`)).json()) as { database: string };
    const setup = `${kind === "postgresql" ? "PostgreSQL" : "SQLite"}, ${instances} instance${instances > 1 ? "s" : ""}`;
    console.log(`${setup} (health: ${healthy.database}); ${BUYERS} concurrent buyers; ${SEATS} seats per run`);
    // Warm up first (JIT, lazily loaded code, connections) on a session of its own,
    // through to sold out, so the figures are the server's steady state.
    const warm = await createSaleFixture(db, { capacity: SEATS / 2 });
    await burst({
      url: `${url}/api/orders`,
      body: orderBody(warm.single.id, warm.session.id),
      connections: BUYERS,
      amount: SEATS,
      warmConnections: true,
      warmPath: "/api/health",
    });
    return [
      ...(await sale(db, url, "connections open", true, setup)),
      ...(await sale(db, url, "cold connections", false, setup)),
    ];
  } finally {
    await stop();
  }
}

runWhenCommand(import.meta.url, () =>
  runOrders({
    db: process.argv.includes("--postgres") || flag("db") === "postgresql" ? "postgresql" : "sqlite",
    instances: numberFlag("instances", 1),
  }),
);
