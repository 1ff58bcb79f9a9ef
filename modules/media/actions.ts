"use server";
import { z } from "zod";
import { approvedFarmer } from "@/modules/auth/farmer-scope";
import { defineAction } from "@/modules/auth/guards";
import { mediaStorage } from "./current-storage";
import { storeImage } from "./store-image";

const upload = z.object({ file: z.instanceof(File, { message: "validation.image.notImage" }) });

/** A route's cover photo (the town's route editor). */
export const uploadRouteCoverAction = defineAction({ input: upload, permission: "routes.manage" }, ({ file }) =>
  storeImage(file, mediaStorage()),
);

/** A product photo (an approved farmer's product editor). */
export const uploadProductPhotoAction = defineAction(
  { input: upload, permission: "products.manageOwn" },
  async ({ file }, { user }) => {
    await approvedFarmer(user);
    return storeImage(file, mediaStorage());
  },
);
