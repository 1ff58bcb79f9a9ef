"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { RouteMapProps } from "./route-map";

const Placeholder = () => <div className="h-full w-full animate-pulse rounded-xl bg-stone-200" aria-hidden="true" />;

// Leaflet touches `window`, and most pages need no map: load it in the browser, on demand.
const RouteMap = dynamic(() => import("./route-map").then((m) => m.RouteMap), { ssr: false, loading: Placeholder });

/** How much of the map's place must be on screen before it loads. */
const SHOWN = 0.2;

/**
 * The map, loaded once a fifth of its place is on screen: on a phone a route's stops and
 * a festival's venue sit below the fold, and Leaflet (about 48 kB gzip, and long tasks
 * to start) would otherwise compete with the page becoming interactive. The placeholder
 * keeps the map's height, so nothing moves when it arrives.
 */
export function LazyRouteMap(props: RouteMapProps) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (near || !element) return;
    if (typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { threshold: SHOWN },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div ref={box} className={props.className ?? "h-80"} data-map-loaded={near ? "true" : "false"}>
      {near ? <RouteMap {...props} className="h-full" /> : <Placeholder />}
    </div>
  );
}
