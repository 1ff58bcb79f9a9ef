// A local S3-compatible server (s3rver) for tests: one bucket, on loopback and a
// free port, its objects in a throwaway folder. Returns the S3_* settings that
// point the app at it, so a test configures the app exactly as production does.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { freePort } from "./postgres";

export type RunningS3 = {
  /** The settings for the app (S3_BUCKET, S3_ENDPOINT, …). */
  env: Record<string, string>;
  bucket: string;
  endpoint: string;
  /** Where s3rver keeps the bucket's objects (for tests that look inside). */
  directory: string;
  stop: () => Promise<void>;
};

export async function startS3Server(bucket = "suoqian-media"): Promise<RunningS3> {
  const directory = mkdtempSync(path.join(tmpdir(), "suoqian-s3-"));
  const port = await freePort();
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    bucket,
    endpoint,
    directory,
    // s3rver's built-in account; it checks request signatures with these keys.
    env: {
      S3_BUCKET: bucket,
      S3_ENDPOINT: endpoint,
      S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.close().catch(() => undefined);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
