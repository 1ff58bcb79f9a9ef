import "server-only";
import { revalidatePath, updateTag } from "next/cache";
import { FESTIVALS_TAG } from "./queries";

/**
 * After any festival change: cached reads expire now (updateTag, so the organiser's
 * next request already sees the change), and the prerendered list and festival pages
 * render afresh in both languages. Route pages list festivals nearby, so they follow.
 */
export function revalidateFestivals(): void {
  updateTag(FESTIVALS_TAG);
  revalidatePath("/[locale]/festivals", "page");
  revalidatePath("/[locale]/festivals/[slug]", "page");
  revalidatePath("/[locale]/routes/[slug]", "page");
}
