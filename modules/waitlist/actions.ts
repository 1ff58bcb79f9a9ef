"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { festivalScope } from "@/modules/auth/festival-scope";
import { defineAction } from "@/modules/auth/guards";
import { setWaitlistClosed } from "./set-waitlist-closed";

// The organiser's waiting-list action (bookings.manage): only for sessions of their own
// festivals (all of them for an admin); any other session is "not found".

export const setWaitlistClosedAction = defineAction(
  {
    input: z.object({
      sessionId: z.string().min(1).max(64),
      closed: z.enum(["true", "false"]).transform((v) => v === "true"),
    }),
    permission: "bookings.manage",
  },
  async (input, { user }) => {
    if (!user) throw new Error("defineAction guarantees a user for a permission");
    const result = await setWaitlistClosed(user, await festivalScope(user), input.sessionId, input.closed);
    revalidatePath("/[locale]/organiser/festivals/[slug]/waitlist", "page");
    return result;
  },
);
