import "server-only";
import { revalidatePath } from "next/cache";
import { expireTags } from "@/lib/cache/tagged-read";
import { FESTIVALS_TAG } from "./queries";

/**
 * After any festival change: cached reads expire now (expireTags, so the organiser's
 * next request already sees the change), and the prerendered list and festival pages
 * render afresh in both languages. Route pages list festivals nearby, so they follow.
 */
export async function revalidateFestivals(): Promise<void> {
  await expireTags(FESTIVALS_TAG);
  revalidatePath("/[locale]/festivals", "page");
  revalidatePath("/[locale]/festivals/[slug]", "page");
  revalidatePath("/[locale]/routes/[slug]", "page");
}
