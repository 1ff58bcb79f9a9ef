import "server-only";
import { revalidatePath, updateTag } from "next/cache";
import { ROUTES_TAG } from "./queries";

/** After any route change: cached reads expire now, and the list and route pages render afresh. */
export function revalidateRoutes(): void {
  updateTag(ROUTES_TAG);
  revalidatePath("/[locale]/routes", "page");
  revalidatePath("/[locale]/routes/[slug]", "page");
  revalidatePath("/sitemap.xml");
}
