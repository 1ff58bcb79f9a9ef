import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { UserError } from "@/lib/user-error";
import { IMAGE_WIDTHS, MAX_UPLOAD_BYTES, mediaKey, mediaUrl } from "./images";
import type { MediaStorage } from "./storage";

export { MAX_UPLOAD_BYTES };

const ACCEPTED = new Set(["jpeg", "png", "webp", "avif", "gif"]);
// Larger images are refused before decoding (a "decompression bomb" guard).
const MAX_PIXELS = 40_000_000;

export type StoredImage = { id: string; url: string; width: number; height: number };

/**
 * Checks that an upload really is a photo (by its content, not its name), then
 * stores it resized to each width as WebP, rotated upright and stripped of
 * metadata (EXIF, including GPS), in the given storage (a folder or a bucket).
 * The same file uploaded twice is stored once.
 */
export async function storeImage(data: Blob, storage: MediaStorage): Promise<StoredImage> {
  if (data.size === 0) throw new UserError("validation.image.empty");
  if (data.size > MAX_UPLOAD_BYTES) throw new UserError("validation.image.tooLarge");
  const buffer = Buffer.from(await data.arrayBuffer());
  let meta: Metadata;
  try {
    meta = await sharp(buffer, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new UserError("validation.image.notImage");
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) {
    throw new UserError("validation.image.notImage");
  }
  if (meta.width * meta.height > MAX_PIXELS) throw new UserError("validation.image.tooLarge");

  const id = createHash("sha256").update(buffer).digest("hex").slice(0, 32);
  let largest = { width: meta.width, height: meta.height };
  for (const width of IMAGE_WIDTHS) {
    const key = mediaKey(id, width);
    if (await storage.exists(key)) continue;
    const { data: webp, info } = await sharp(buffer, { limitInputPixels: MAX_PIXELS })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    await storage.put(key, webp, "image/webp");
    largest = { width: info.width, height: info.height };
  }
  return { id, url: mediaUrl(id), ...largest };
}
