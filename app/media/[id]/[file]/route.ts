import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { withRoute } from "@/modules/auth/route-guard";
import { parseMediaPath } from "@/modules/media/images";

// Public by design: stored photos are published content. Names are content
// hashes, so a file never changes and may be cached for a year.
export const GET = withRoute("public", async (_request, ctx: RouteContext<"/media/[id]/[file]">) => {
  const { id, file } = await ctx.params;
  const parsed = parseMediaPath(id, file);
  if (!parsed) return new Response("Not found", { status: 404 });
  try {
    const body = await readFile(path.join(env.uploadsDir, parsed.id, `${parsed.width}.webp`));
    return new Response(body, {
      headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable" },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
});
