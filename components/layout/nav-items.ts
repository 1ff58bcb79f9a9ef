export const NAV_ITEMS = [
  { href: "/routes", key: "routes", icon: "🗺️" },
  { href: "/festivals", key: "festivals", icon: "🎟️" },
  { href: "/shop", key: "shop", icon: "🧺" },
  { href: "/trips", key: "trips", icon: "🗓️" },
] as const;
