"use server";
import { z } from "zod";
import { env } from "@/lib/env";
import { jsonPayload } from "@/lib/form-data";
import { defineAction } from "@/modules/auth/guards";
import type { CurrentUser } from "@/modules/auth/session";
import { setRoutePublished } from "./publish-route";
import { revalidateRoutes } from "./revalidate";
import { saveRoute } from "./save-route";
import { routeInputSchema } from "./schemas";

// The town's route editor (routes.manage). The signed-in admin is the actor the audit log records.

function signedIn(user: CurrentUser | null): CurrentUser {
  if (!user) throw new Error("defineAction guarantees a user for a permission");
  return user;
}

export const saveRouteAction = defineAction(
  { input: jsonPayload(routeInputSchema(env.region)), permission: "routes.manage" },
  async (input, { user }) => {
    const saved = await saveRoute(input, env.region, signedIn(user));
    await revalidateRoutes();
    return { id: saved.id, slug: saved.slug };
  },
);

const idInput = z.object({ id: z.string().min(1) });

export const publishRouteAction = defineAction(
  { input: idInput, permission: "routes.manage" },
  async ({ id }, { user }) => {
    const result = await setRoutePublished(signedIn(user), id, true);
    await revalidateRoutes();
    return result;
  },
);

export const unpublishRouteAction = defineAction(
  { input: idInput, permission: "routes.manage" },
  async ({ id }, { user }) => {
    const result = await setRoutePublished(signedIn(user), id, false);
    await revalidateRoutes();
    return result;
  },
);
