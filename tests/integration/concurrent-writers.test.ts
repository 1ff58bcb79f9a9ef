import { spawn } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createOrder } from "../../modules/orders/create-order";
import { buyer, createSaleFixture } from "../../prisma/seed/fixtures";
import { bin, root } from "../../scripts/lib/run";
import { testDb as db } from "../support/db";

// Two processes on one database (a rolling restart, or `npm run db:seed` while
// serving). On SQLite a transaction that reads and then writes must take the
// write lock when it begins: otherwise it fails at once with SQLITE_BUSY_SNAPSHOT
// when the other process wrote in between, instead of waiting its turn.

afterAll(() => db.$disconnect());

function otherProcess(durationMs: number): Promise<{ done: number; failures: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin("tsx"), ["tests/support/other-writer.ts"], {
      cwd: root,
      env: { ...process.env, DURATION_MS: String(durationMs) },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", () => {
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? ""));
      } catch {
        reject(new Error(`the other process said: ${out}`));
      }
    });
  });
}

describe("two processes writing to one database at once", () => {
  it("places every order while another process writes too: no errors on either side", async () => {
    const sale = await createSaleFixture(db, { capacity: 1000 });
    const other = otherProcess(6000);
    // Let the other process start writing, then sell in waves while it does.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const failures: string[] = [];
    let placed = 0;
    for (let wave = 0; wave < 8; wave++) {
      const results = await Promise.allSettled(
        Array.from({ length: 25 }, (_, i) =>
          createOrder(
            {
              items: [{ kind: "ticket", ticketTypeId: sale.single.id, sessionId: sale.session.id, quantity: 1 }],
              customer: buyer(20_000 + wave * 100 + i),
            },
            { userId: null, locale: "zh-CN" },
          ),
        ),
      );
      for (const r of results) {
        if (r.status === "fulfilled") placed++;
        else failures.push(String(r.reason).slice(0, 300));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const theirs = await other;
    expect(failures).toEqual([]);
    expect(theirs.failures).toEqual([]);
    expect(theirs.done).toBeGreaterThan(0);
    expect(placed).toBe(200);
    expect((await db.festivalSession.findUniqueOrThrow({ where: { id: sale.session.id } })).reserved).toBe(200);
  }, 120_000);
});
