import { readdirSync } from "node:fs";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET } from "../../app/media/[id]/[file]/route";
import { env } from "../../lib/env";
import { mediaStorage } from "../../modules/media/current-storage";
import { storeImage } from "../../modules/media/store-image";

// Photos in S3-compatible storage, end to end: a local S3-compatible server
// (s3rver), the app configured through its own S3_* settings (set here, hoisted
// above the imports, as lib/env reads them once), a photo stored by the media
// module and served by the /media handler, with nothing written on this machine.
const s3 = await vi.hoisted(async () => {
  const { startS3Server } = await import("../../scripts/lib/s3-server");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const path = await import("node:path");
  const server = await startS3Server("suoqian-test-media");
  for (const [name, value] of Object.entries(server.env)) vi.stubEnv(name, value);
  vi.stubEnv("UPLOADS_DIR", mkdtempSync(path.join(tmpdir(), "suoqian-uploads-s3-")));
  return server;
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.stop();
});

const client = new S3Client({
  region: "us-east-1",
  endpoint: s3.endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
});

async function photo(seed: string) {
  const buffer = await sharp({ create: { width: 1200, height: 800, channels: 3, background: seed } })
    .jpeg()
    .toBuffer();
  return new File([new Uint8Array(buffer)], "photo.jpg", { type: "image/jpeg" });
}

function serve(id: string, file: string) {
  return GET(
    new Request(`http://localhost/media/${id}/${file}`) as never,
    {
      params: Promise.resolve({ id, file }),
    } as never,
  );
}

describe("photos in S3-compatible storage", () => {
  it("is configured from the S3_* settings", () => {
    expect(env.media).toMatchObject({ kind: "s3", bucket: s3.bucket, endpoint: s3.endpoint, forcePathStyle: true });
    expect(mediaStorage().kind).toBe("s3");
  });

  it("stores every width in the bucket, serves it through /media with the same headers, and writes nothing locally", async () => {
    const stored = await storeImage(await photo("#2f7a4a"), mediaStorage());
    const listed = await client.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${stored.id}/` }));
    expect((listed.Contents ?? []).map((o) => o.Key).sort()).toEqual(
      ["1600.webp", "480.webp", "960.webp"].map((f) => `${stored.id}/${f}`),
    );
    const object = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: `${stored.id}/960.webp` }));
    expect(object.ContentType).toBe("image/webp");
    const inBucket = Buffer.from(await (object.Body?.transformToByteArray() ?? new Uint8Array()));

    const answer = await serve(stored.id, "960.webp");
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/webp");
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const served = Buffer.from(await answer.arrayBuffer());
    expect(served.equals(inBucket)).toBe(true);
    const meta = await sharp(served).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.width).toBe(960);

    expect(readdirSync(env.uploadsDir)).toEqual([]);
  });

  it("stores the same photo once (no second write to the bucket)", async () => {
    const file = await photo("#7a2f4a");
    const puts: string[] = [];
    const storage = mediaStorage();
    const counting = {
      ...storage,
      put: (key: string, body: Buffer, type: string) => {
        puts.push(key);
        return storage.put(key, body, type);
      },
    };
    const first = await storeImage(file, counting);
    expect(puts).toHaveLength(3);
    const again = await storeImage(file, counting);
    expect(again.id).toBe(first.id);
    expect(puts).toHaveLength(3);
  });

  it("answers 404 for a photo the bucket does not hold, and for a malformed path", async () => {
    expect((await serve("0123456789abcdef0123456789abcdef", "480.webp")).status).toBe(404);
    expect((await serve("..", "480.webp")).status).toBe(404);
  });

  it("refuses what is not a photo and puts nothing in the bucket", async () => {
    const before = (await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).KeyCount ?? 0;
    await expect(storeImage(new File(["<svg/>"], "x.png"), mediaStorage())).rejects.toMatchObject({
      key: "validation.image.notImage",
    });
    expect((await client.send(new ListObjectsV2Command({ Bucket: s3.bucket }))).KeyCount ?? 0).toBe(before);
  });
});
