import "server-only";
import { loadConfig } from "./config";

// The app's settings, read once per server process.
export const env = loadConfig();
