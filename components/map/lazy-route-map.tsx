"use client";
import dynamic from "next/dynamic";
import type { RouteMapProps } from "./route-map";

// Leaflet touches `window`, and most pages need no map: load it in the browser, on demand.
const RouteMap = dynamic(() => import("./route-map").then((m) => m.RouteMap), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" aria-hidden="true" />,
});

export function LazyRouteMap(props: RouteMapProps) {
  return (
    <div className={props.className ?? "h-80"}>
      <RouteMap {...props} className="h-full" />
    </div>
  );
}
