"use server";
import { z } from "zod";
import { env } from "@/lib/env";
import { defineAction } from "@/modules/auth/guards";
import { setRoutePublished } from "./publish-route";
import { revalidateRoutes } from "./revalidate";
import { saveRoute } from "./save-route";
import { jsonPayload, routeInputSchema } from "./schemas";

export const saveRouteAction = defineAction(
  { input: jsonPayload(routeInputSchema(env.region)), permission: "routes.manage" },
  async (input) => {
    const saved = await saveRoute(input, env.region);
    revalidateRoutes();
    return { id: saved.id, slug: saved.slug };
  },
);

const idInput = z.object({ id: z.string().min(1) });

export const publishRouteAction = defineAction({ input: idInput, permission: "routes.manage" }, async ({ id }) => {
  const result = await setRoutePublished(id, true);
  revalidateRoutes();
  return result;
});

export const unpublishRouteAction = defineAction({ input: idInput, permission: "routes.manage" }, async ({ id }) => {
  const result = await setRoutePublished(id, false);
  revalidateRoutes();
  return result;
});
