"use client";
import { useEffect, useState } from "react";

/** Reads `?add=route:slug` or `?add=session:id` (the route and festival pages' "Add to my trip") and `?plan=id` once. */
export function usePlannerQuery() {
  const [query, setQuery] = useState<{ add: string | null; plan: string | null } | null>(null);
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    setQuery({ add: params.get("add"), plan: params.get("plan") });
  }, []);
  return query;
}
