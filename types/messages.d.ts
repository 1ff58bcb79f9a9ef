import type { locales } from "../lib/i18n/routing";
import type messages from "../messages/zh-CN.json";

// Typed message keys: a missing or misspelt key fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof locales)[number];
    Messages: typeof messages;
  }
}
