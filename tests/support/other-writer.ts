// "Another process" on the same database, for tests: for DURATION_MS it runs
// transactions that read, pause, then write (as a second server or a seed does),
// then prints how many it completed and which failed, as one line of JSON.
import { loadConfig } from "../../lib/config";
import { createPrismaClient } from "../../lib/db-client";

const db = createPrismaClient(loadConfig().database);
const until = Date.now() + Number(process.env.DURATION_MS ?? 3000);
let done = 0;
const failures: string[] = [];
let i = 0;
while (Date.now() < until) {
  try {
    await db.$transaction(async (tx) => {
      const seen = await tx.email.count();
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.email.create({ data: { to: `other-process-${i}@example.com`, subject: `saw ${seen}`, text: "" } });
    });
    done++;
  } catch (error) {
    failures.push(String(error).slice(0, 300));
  }
  i++;
}
await db.$disconnect();
console.log(JSON.stringify({ done, failures }));
