import { withRoute } from "@/modules/auth/route-guard";
import { mediaStorage } from "@/modules/media/current-storage";
import { mediaKey, parseMediaPath } from "@/modules/media/images";

// Public by design: stored photos are published content. Names are content
// hashes, so a file never changes and may be cached for a year. Served from the
// configured storage (UPLOADS_DIR, or the S3 bucket every instance shares).
export const GET = withRoute("public", async (_request, ctx: RouteContext<"/media/[id]/[file]">) => {
  const { id, file } = await ctx.params;
  const parsed = parseMediaPath(id, file);
  if (!parsed) return new Response("Not found", { status: 404 });
  const body = await mediaStorage().get(mediaKey(parsed.id, parsed.width));
  if (!body) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: { "Content-Type": "image/webp", "Cache-Control": "public, max-age=31536000, immutable" },
  });
});
