import "server-only";
import { revalidatePath } from "next/cache";
import { expireTags } from "@/lib/cache/tagged-read";
import { ROUTES_TAG } from "./queries";

/** After any route change: cached reads expire now, and the list and route pages render afresh. */
export async function revalidateRoutes(): Promise<void> {
  await expireTags(ROUTES_TAG);
  revalidatePath("/[locale]/routes", "page");
  revalidatePath("/[locale]/routes/[slug]", "page");
  revalidatePath("/sitemap.xml");
}
