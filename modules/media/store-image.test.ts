import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { UserError } from "@/lib/user-error";
import { parseMediaPath } from "./images";
import { folderStorage } from "./storage";
import { MAX_UPLOAD_BYTES, storeImage as storeIn } from "./store-image";

const dir = () => mkdtempSync(path.join(tmpdir(), "suoqian-uploads-"));
const storeImage = (data: Blob, uploads: string) => storeIn(data, folderStorage(uploads));

async function photo(width: number, height: number, format: "png" | "jpeg" = "jpeg") {
  const image = sharp({ create: { width, height, channels: 3, background: "#2f7a4a" } });
  const buffer = await (format === "png"
    ? image.png()
    : image.jpeg().withExif({ IFD0: { Artist: "someone" } })
  ).toBuffer();
  return new Blob([new Uint8Array(buffer)]);
}

const refusal = (p: Promise<unknown>) => p.then(() => null).catch((e: unknown) => (e instanceof UserError ? e.key : e));

describe("storing an uploaded photo", () => {
  it("keeps WebP copies at phone, tablet and desktop widths, never larger than the original, without EXIF", async () => {
    const uploads = dir();
    const stored = await storeImage(await photo(2400, 1600), uploads);
    expect(stored.url).toBe(`/media/${stored.id}/960.webp`);
    expect(readdirSync(path.join(uploads, stored.id)).sort()).toEqual(["1600.webp", "480.webp", "960.webp"]);
    for (const width of [480, 960, 1600]) {
      const meta = await sharp(readFileSync(path.join(uploads, stored.id, `${width}.webp`))).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(width);
      expect(meta.exif).toBeUndefined();
    }
    const small = await storeImage(await photo(600, 400, "png"), uploads);
    const meta = await sharp(readFileSync(path.join(uploads, small.id, "1600.webp"))).metadata();
    expect(meta.width).toBe(600);
  });

  it("stores the same file once", async () => {
    const uploads = dir();
    const blob = await photo(800, 600);
    expect((await storeImage(blob, uploads)).id).toBe((await storeImage(blob, uploads)).id);
    expect(readdirSync(uploads)).toHaveLength(1);
  });

  it("refuses what is not an image, whatever its name, and writes nothing", async () => {
    const uploads = dir();
    expect(await refusal(storeImage(new File(["<script>alert(1)</script>"], "photo.png"), uploads))).toBe(
      "validation.image.notImage",
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    expect(await refusal(storeImage(new Blob([svg]), uploads))).toBe("validation.image.notImage");
    expect(await refusal(storeImage(new Blob([]), uploads))).toBe("validation.image.empty");
    expect(readdirSync(uploads)).toEqual([]);
  });

  it("refuses files over 8 MB", async () => {
    expect(await refusal(storeImage(new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]), dir()))).toBe(
      "validation.image.tooLarge",
    );
  });

  it("serves only well-formed media paths", () => {
    expect(parseMediaPath("0123456789abcdef0123456789abcdef", "960.webp")).toEqual({
      id: "0123456789abcdef0123456789abcdef",
      width: 960,
    });
    for (const [id, file] of [
      ["../../etc", "960.webp"],
      ["0123456789abcdef0123456789abcdef", "961.webp"],
      ["0123456789abcdef0123456789abcdef", "960.png"],
    ] as const) {
      expect(parseMediaPath(id, file)).toBeNull();
    }
  });
});
