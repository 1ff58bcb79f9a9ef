export const NAV_ITEMS = [
  { href: "/routes", key: "routes" },
  { href: "/festivals", key: "festivals" },
  { href: "/shop", key: "shop" },
  { href: "/trips", key: "trips" },
] as const;
