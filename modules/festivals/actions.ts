"use server";
import { jsonPayload } from "@/lib/form-data";
import { defineAction } from "@/modules/auth/guards";
import { getFestivalForEditor } from "./editor-queries";
import { setFestivalPublished } from "./publish-festival";
import { revalidateFestivals } from "./revalidate";
import { saveFestival } from "./save-festival";
import { festivalIdSchema, festivalInputSchema } from "./schemas";

// The festival editor's actions: festivals.manage (organisers and admins); an organiser
// may change only the festivals they are linked to, which the use cases check. The
// signed-in user is also the actor the audit log records.

export const saveFestivalAction = defineAction(
  { input: jsonPayload(festivalInputSchema), permission: "festivals.manage" },
  async (input, { user }) => {
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    const saved = await saveFestival(input, user);
    // The saved state, with the ids of new ticket types and sessions, so the next save updates them.
    const festival = await getFestivalForEditor(user, { id: saved.id });
    // A draft is on no public page: expiring them for it would only start renders that race the
    // publish (a render begun before it and stored after it would keep the old list for an hour).
    if (festival?.status !== "DRAFT") await revalidateFestivals();
    return { id: saved.id, slug: saved.slug, festival };
  },
);

export const publishFestivalAction = defineAction(
  { input: festivalIdSchema, permission: "festivals.manage" },
  async ({ id }, { user }) => {
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    const result = await setFestivalPublished(user, id, true);
    await revalidateFestivals();
    return result;
  },
);

export const unpublishFestivalAction = defineAction(
  { input: festivalIdSchema, permission: "festivals.manage" },
  async ({ id }, { user }) => {
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    const result = await setFestivalPublished(user, id, false);
    await revalidateFestivals();
    return result;
  },
);
