// Benchmark: 200 concurrent buyers for one session of 1,000 seats, POST /api/orders,
// until sold out (after a warm-up on another session). Reports orders per second,
// p50/p95 latency, and checks that exactly 1,000 seats were held.
//   npx tsx scripts/bench/orders.ts            SQLite
//   npx tsx scripts/bench/orders.ts --postgres  PostgreSQL (a throwaway local cluster)
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
import { PRIVACY_NOTICE_VERSION } from "../../modules/account/privacy-notice";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { type RunningPostgres, startPostgres } from "../lib/postgres";
import { burst, percentile, startApp } from "./lib";

const SEATS = 1000;
const BUYERS = 200;

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

async function sale(db: Db, url: string, label: string, warmConnections: boolean): Promise<boolean> {
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
  console.log(`\n${label}`);
  console.log(`  answers: ${answers} (errors ${result.errors})`);
  console.log(
    `  orders placed until sold out: ${sold.length} in ${seconds.toFixed(2)} s = ${(sold.length / seconds).toFixed(0)} orders/s`,
  );
  console.log(
    `  latency of successful orders: p50 ${percentile(sold, 50).toFixed(0)} ms, p95 ${percentile(sold, 95).toFixed(0)} ms, max ${percentile(sold, 100).toFixed(0)} ms`,
  );
  console.log(`  seats held in the database: ${reserved} (must be exactly ${SEATS})`);
  return reserved === SEATS && sold.length === SEATS && result.errors === 0;
}

async function main() {
  let pg: RunningPostgres | null = null;
  // All buyers come from this one address: the per-address limit is counted as in
  // production (its cost is in the figures) but set high enough not to refuse them.
  const env: Record<string, string> = { RATE_LIMIT_ORDERS: process.env.RATE_LIMIT_ORDERS ?? "1000000/1m" };
  if (process.argv.includes("--postgres")) {
    pg = await startPostgres(["suoqian_bench"]);
    env.DATABASE_URL = pg.url("suoqian_bench");
    env.SEED_DEMO_DATA = "true";
    // A start on PostgreSQL takes its secrets from the environment (every instance shares them).
    env.AUTH_SECRET = process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url");
    env.TICKET_SECRET = process.env.TICKET_SECRET ?? randomBytes(32).toString("base64url");
  }
  const app = await startApp(env);
  try {
    const healthy = (await (await fetch(`${app.url}/api/health`)).json()) as { database: string };
    const db = createPrismaClient(parseDatabaseUrl(env.DATABASE_URL ?? (app.env.DATABASE_URL as string)));
    console.log(`database: ${healthy.database}; ${BUYERS} concurrent buyers; ${SEATS} seats per run`);
    // Warm up first (JIT, lazily loaded code, connections) on a session of its own,
    // through to sold out, so the figures are the server's steady state.
    const warm = await createSaleFixture(db, { capacity: SEATS / 2 });
    await burst({
      url: `${app.url}/api/orders`,
      body: orderBody(warm.single.id, warm.session.id),
      connections: BUYERS,
      amount: SEATS,
      warmConnections: true,
      warmPath: "/api/health",
    });
    const ok = [
      await sale(db, app.url, "buyers on the page (connections already open)", true),
      await sale(db, app.url, "cold connections (all 200 connect at the same instant)", false),
    ];
    await db.$disconnect();
    if (ok.includes(false)) process.exitCode = 1;
  } finally {
    app.stop();
    pg?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
