import "server-only";
import { randomBytes } from "node:crypto";
import { unstable_cache, updateTag } from "next/cache";

// Cached catalogue reads that a change expires at once, even while a render is reading.
//
// Next's data cache stamps an entry when it is stored, not when its read began: a page
// that read the routes just before an editor published one, and stored that list just
// after, would serve it as fresh until the next change (unstable_cache has no guard
// against a fill that straddles an invalidation). Every cached read therefore carries the
// generation of its tags in its key: expireTags() moves the generation on before the tags
// expire, so a late fill lands under a key that nobody reads again.
//
// The page a render stores has no such key: the render that read the old list stores the
// page after the reads end. So a change waits (briefly, and only when such a read is under
// way in this process) for reads that began before it to end, and for their pages to be
// stored, before its tags and paths expire: the expiry then covers those pages too.
//
// The generation starts from an id of this process, so a restart never reads entries of a
// file cache stored before it (Next keeps which tags expired in memory only). With several
// instances (REDIS_URL), each keeps its own generations and the shared cache handler drops
// the tagged entries of all of them.

const processId = randomBytes(4).toString("hex");
const generations = new Map<string, number>();
const reading = new Map<string, Set<Promise<unknown>>>();

/** How long a change waits for reads under way: after they end (their page is stored), and at most. */
export const SETTLE = { afterReadsMs: 500, atMostMs: 3_000 };

function track<T>(tags: readonly string[], read: Promise<T>): Promise<T> {
  for (const tag of tags) {
    const set = reading.get(tag) ?? new Set();
    set.add(read);
    reading.set(tag, set);
  }
  const done = () => {
    for (const tag of tags) reading.get(tag)?.delete(read);
  };
  read.then(done, done);
  return read;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref?.());

/** The key part that changes whenever one of these tags is expired in this process. */
export function generationOf(tags: readonly string[]): string {
  return `${processId}:${tags.map((tag) => generations.get(tag) ?? 0).join(".")}`;
}

export function cachedRead<Args extends unknown[], Result>(
  read: (...args: Args) => Promise<Result>,
  keyParts: string[],
  options: { tags: string[]; revalidate?: number },
): (...args: Args) => Promise<Result> {
  const cached = unstable_cache((_generation: string, ...args: Args) => read(...args), keyParts, options);
  return (...args: Args) => track(options.tags, cached(generationOf(options.tags), ...args));
}

/**
 * In a server action after a change (committed): reads under these tags start afresh at
 * once, and the tags expire once the reads that began before the change have ended and
 * their pages are stored. Await it before revalidatePath, which then covers those pages.
 */
export async function expireTags(...tags: string[]): Promise<void> {
  const before = tags.flatMap((tag) => [...(reading.get(tag) ?? [])]);
  for (const tag of tags) generations.set(tag, (generations.get(tag) ?? 0) + 1);
  if (before.length > 0) {
    const ended = Promise.allSettled(before).then(() => sleep(SETTLE.afterReadsMs));
    await Promise.race([ended, sleep(SETTLE.atMostMs)]);
  }
  for (const tag of tags) updateTag(tag);
}
