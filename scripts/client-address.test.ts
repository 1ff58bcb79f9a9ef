import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { root } from "./lib/run";

// scripts/client-address.cjs, preloaded by `npm start`: the address Next.js
// reads in X-Forwarded-For is the one we believe, whatever a client claims.

/** Starts a plain Node server with the preload, asks it once, and returns what it saw. */
function seenBy(trustProxy: string, headers: Record<string, string>): Promise<string> {
  const server = `
    require("./scripts/client-address.cjs");
    const http = require("node:http");
    const s = http.createServer((q, r) => r.end(String(q.headers["x-forwarded-for"])));
    s.listen(0, "127.0.0.1", async () => {
      const port = s.address().port;
      const seen = await fetch("http://127.0.0.1:" + port, { headers: ${JSON.stringify(headers)} }).then((r) => r.text());
      console.log(seen);
      s.close();
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-e", server], {
      cwd: root,
      env: { ...process.env, TRUST_PROXY: trustProxy },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", () => resolve(out.trim()));
  });
}

describe("the client's address as npm start gives it to the app", () => {
  it("is the connection's own when no proxy is trusted, whatever X-Forwarded-For the client sends", async () => {
    expect(await seenBy("", { "x-forwarded-for": "6.6.6.6" })).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
    expect(await seenBy("", {})).toMatch(/^(::ffff:)?127\.0\.0\.1$/);
  });

  it("is what a trusted proxy reports, taking the nearest untrusted hop", async () => {
    expect(await seenBy("loopback", { "x-forwarded-for": "1.1.1.1, 6.6.6.6" })).toBe("6.6.6.6");
    expect(await seenBy("1", { "x-forwarded-for": "1.1.1.1, 6.6.6.6" })).toBe("6.6.6.6");
  });
});
