import "server-only";
import { env } from "@/lib/env";
import { createMediaStorage, type MediaStorage } from "./storage";

let storage: MediaStorage | null = null;

/** This server's photo storage (UPLOADS_DIR, or the S3 bucket when S3_BUCKET is set), made once. */
export function mediaStorage(): MediaStorage {
  storage ??= createMediaStorage(env.media);
  return storage;
}
