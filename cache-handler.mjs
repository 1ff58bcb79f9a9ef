// Next's data and page cache in Redis, shared by every instance (used when REDIS_URL
// is set; next.config.mjs names this file only then). A route published on one
// instance calls updateTag/revalidatePath there; the entries carrying that tag are
// deleted from Redis, so every other instance renders the page afresh on its next
// request instead of serving its own stale copy.
//
// - The build needs no Redis: while `next build` prerenders, entries stay in memory.
// - Keys are prefixed with the build's id, so instances of a new release never read
//   pages rendered by an older one (whose scripts no longer exist).
// - If Redis cannot be reached when the server starts, the instance says so once and
//   keeps serving from its own memory (a single instance is still correct; several
//   would serve stale pages until it is back).
import { readFileSync } from "node:fs";
import path from "node:path";
import { CacheHandler } from "@fortedigital/nextjs-cache-handler";
import createLruHandler from "@fortedigital/nextjs-cache-handler/local-lru";
import createRedisHandler from "@fortedigital/nextjs-cache-handler/redis-strings";
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { createClient } from "redis";

function buildId() {
  try {
    return readFileSync(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "dev";
  }
}

async function configure() {
  if (process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD || !process.env.REDIS_URL) {
    return { handlers: [createLruHandler()] };
  }
  let connected = false;
  const client = createClient({
    url: process.env.REDIS_URL,
    pingInterval: 10_000,
    socket: {
      connectTimeout: 3_000,
      // The first connection is tried once (a start must not wait forever); once connected,
      // a lost connection is retried with a growing pause (at most 2 s). Meanwhile reads
      // miss (pages render afresh) and writes are skipped: nothing waits on Redis.
      reconnectStrategy: (retries, cause) => (connected ? Math.min(100 * 2 ** retries, 2_000) : cause),
    },
  });
  let reported = false;
  client.on("error", (error) => {
    // Before the first connection, connect() below fails and says so itself.
    if (!connected || reported) return;
    reported = true;
    console.error(`✖ Shared cache: Redis error (${error?.message ?? error}); retrying`);
  });
  client.on("ready", () => {
    connected = true;
    reported = false;
  });
  try {
    await client.connect();
  } catch (error) {
    console.error(
      `✖ Shared cache: cannot reach REDIS_URL (${error instanceof Error ? error.message : String(error)}); this instance caches in memory only`,
    );
    await client.destroy?.();
    return { handlers: [createLruHandler()] };
  }
  return {
    handlers: [createRedisHandler({ client, keyPrefix: `suoqian:${buildId()}:`, timeoutMs: 2_000 })],
  };
}

CacheHandler.onCreation(() => {
  // One configuration (and one Redis connection) per server process.
  globalThis.__suoqianCacheConfig ??= configure();
  return globalThis.__suoqianCacheConfig;
});

export default CacheHandler;
