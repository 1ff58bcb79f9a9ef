import "server-only";
import { revalidatePath } from "next/cache";
import { expireTags } from "@/lib/cache/tagged-read";
import { PRODUCTS_TAG, WORKSHOPS_TAG } from "./queries";

/**
 * After any change to a product, a farmer or a workshop: cached reads expire now
 * (expireTags, so the farmer's next request already sees the change), and the
 * prerendered shop pages render afresh in both languages. Route pages list
 * produce nearby, so they follow. Stock is read live and needs none of this.
 */
export async function revalidateShop(): Promise<void> {
  await expireTags(PRODUCTS_TAG, WORKSHOPS_TAG);
  revalidatePath("/[locale]/shop", "page");
  revalidatePath("/[locale]/shop/products/[slug]", "page");
  revalidatePath("/[locale]/shop/workshops/[slug]", "page");
  revalidatePath("/[locale]/routes/[slug]", "page");
  revalidatePath("/sitemap.xml");
}
