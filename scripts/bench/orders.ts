// Benchmark: 200 concurrent buyers for one session of 1,000 seats, POST /api/orders,
// until sold out (after a warm-up on another session). Reports orders per second,
// p50/p95 latency, and checks that exactly 1,000 seats were held.
//   npx tsx scripts/bench/orders.ts            SQLite
//   npx tsx scripts/bench/orders.ts --postgres  PostgreSQL (a throwaway local cluster)
import autocannon from "autocannon";
import { parseDatabaseUrl } from "../../lib/database-url";
import { createPrismaClient } from "../../lib/db-client";
import { createSaleFixture, customer } from "../../prisma/seed/fixtures";
import { type RunningPostgres, startPostgres } from "../lib/postgres";
import { startApp } from "./lib";

const SEATS = 1000;
const BUYERS = 200;

async function main() {
  let pg: RunningPostgres | null = null;
  const env: Record<string, string> = {};
  if (process.argv.includes("--postgres")) {
    pg = await startPostgres(["suoqian_bench"]);
    env.DATABASE_URL = pg.url("suoqian_bench");
    env.SEED_DEMO_DATA = "true";
  }
  const app = await startApp(env);
  try {
    const healthy = (await (await fetch(`${app.url}/api/health`)).json()) as { database: string };
    const dbUrl = env.DATABASE_URL ?? (app.env.DATABASE_URL as string);
    const db = createPrismaClient(parseDatabaseUrl(dbUrl));
    const orderBody = (ticketTypeId: string, sessionId: string) =>
      JSON.stringify({ items: [{ kind: "ticket", ticketTypeId, sessionId, quantity: 1 }], customer });
    // Warm up first (JIT, lazily loaded code, connections) on a session of its own,
    // through to sold out, so the figures are the server's steady state.
    const warm = await createSaleFixture(db, { capacity: SEATS / 2 });
    await autocannon({
      url: `${app.url}/api/orders`,
      method: "POST",
      connections: BUYERS,
      amount: SEATS,
      headers: { "content-type": "application/json" },
      body: orderBody(warm.single.id, warm.session.id),
    });
    const { single, session } = await createSaleFixture(db, { capacity: SEATS });
    const body = orderBody(single.id, session.id);
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const started = Date.now();
    let firstSoldOutAt = 0;
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${app.url}/api/orders`,
          method: "POST",
          connections: BUYERS,
          amount: SEATS + BUYERS * 2,
          headers: { "content-type": "application/json" },
          body,
        },
        (error, res) => (error ? reject(error) : resolve(res)),
      );
      instance.on("response", (_c, status, _b, ms) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 201) latencies.push(ms);
        if (status === 409 && !firstSoldOutAt) firstSoldOutAt = Date.now();
      });
    });
    latencies.sort((a, b) => a - b);
    const sold = statuses.get(201) ?? 0;
    const seconds = ((firstSoldOutAt || Date.now()) - started) / 1000;
    const reserved = (await db.festivalSession.findUniqueOrThrow({ where: { id: session.id } })).reserved;
    console.log(`database: ${healthy.database}; ${BUYERS} concurrent buyers; ${SEATS} seats`);
    console.log(`answers: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(", ")} (errors ${result.errors})`);
    console.log(
      `orders placed until sold out: ${sold} in ${seconds.toFixed(2)} s = ${(sold / seconds).toFixed(0)} orders/s`,
    );
    console.log(
      `latency of successful orders: p50 ${latencies[Math.floor(latencies.length * 0.5)]?.toFixed(0)} ms, p95 ${latencies[Math.floor(latencies.length * 0.95)]?.toFixed(0)} ms`,
    );
    console.log(`seats held in the database: ${reserved} (must be exactly ${SEATS})`);
    await db.$disconnect();
    if (reserved !== SEATS || sold !== SEATS) process.exitCode = 1;
  } finally {
    app.stop();
    pg?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
