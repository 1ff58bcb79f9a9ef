// Uploaded photos are stored as WebP at these widths (phones, tablets, desktops)
// under /media/<id>/<width>.webp, where id is the hash of the original file.
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
export type ImageWidth = (typeof IMAGE_WIDTHS)[number];

const MEDIA_URL = /^\/media\/([a-f0-9]{32})\/(\d+)\.webp$/;

export function mediaUrl(id: string, width: ImageWidth = 960): string {
  return `/media/${id}/${width}.webp`;
}

/** src, srcSet and sizes for an image URL; stored uploads get every width, others as they are. */
export function imageSources(url: string, sizes = "100vw"): { src: string; srcSet?: string; sizes?: string } {
  const match = MEDIA_URL.exec(url);
  if (!match?.[1]) return { src: url };
  const id = match[1];
  return {
    src: mediaUrl(id, 960),
    srcSet: IMAGE_WIDTHS.map((w) => `${mediaUrl(id, w)} ${w}w`).join(", "),
    sizes,
  };
}

/** The storage key of one width of a stored photo (the same path under /media/). */
export function mediaKey(id: string, width: ImageWidth): string {
  return `${id}/${width}.webp`;
}

export function parseMediaPath(id: string, file: string): { id: string; width: ImageWidth } | null {
  if (!/^[a-f0-9]{32}$/.test(id)) return null;
  const width = Number(/^(\d+)\.webp$/.exec(file)?.[1]);
  return (IMAGE_WIDTHS as readonly number[]).includes(width) ? { id, width: width as ImageWidth } : null;
}

/** The largest photo accepted, checked in the browser before sending and again on the server. */
export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;
