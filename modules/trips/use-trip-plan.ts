"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { newPlanId, PLAN_ID_PATTERN } from "./plan-id";
import type { TripInput } from "./types";

// Where the plan being edited lives: a guest's in this browser (localStorage), a
// signed-in visitor's in their account (the trips API). A guest's plan moves into
// the account the first time its owner is signed in here.

const KEY = "suoqian.trip";
/** The guest plan's own id (for its calendar file), kept beside it. */
const ID_KEY = "suoqian.trip.id";
const SAVE_DELAY_MS = 600;

export type PlanStore = "loading" | "browser" | "account";
export type SaveState = "idle" | "saving" | "saved" | "error";

export function readGuestPlan(): TripInput | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const plan = JSON.parse(raw) as TripInput;
    return Array.isArray(plan.days) && Array.isArray(plan.items) && typeof plan.title === "string" ? plan : null;
  } catch {
    return null;
  }
}

function writeGuestPlan(plan: TripInput | null) {
  try {
    if (plan) window.localStorage.setItem(KEY, JSON.stringify(plan));
    else {
      window.localStorage.removeItem(KEY);
      window.localStorage.removeItem(ID_KEY);
    }
  } catch {
    // Storage blocked (private mode): the plan lasts as long as the page.
  }
}

/** Without storage, the id lasts as long as the page, like the plan. */
let pageGuestPlanId: string | null = null;

/**
 * This browser's plan's own id, made the first time it is asked for and kept with the
 * plan: its calendar file's events keep their ids from one download to the next.
 */
export function guestPlanId(): string {
  try {
    const kept = window.localStorage.getItem(ID_KEY);
    if (kept && PLAN_ID_PATTERN.test(kept)) return kept;
    const made = newPlanId();
    window.localStorage.setItem(ID_KEY, made);
    return made;
  } catch {
    pageGuestPlanId ??= newPlanId();
    return pageGuestPlanId;
  }
}

type Saved = { id: string; shareUrl: string | null } & TripInput;

async function send(method: "POST" | "PUT", url: string, plan: TripInput): Promise<Saved> {
  const res = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(plan) });
  if (!res.ok) throw new Error(`trip ${method} ${res.status}`);
  return (await res.json()) as Saved;
}

/**
 * Moves a guest's plan from this browser into the signed-in account (once), and
 * returns its id; null when there was none to move.
 */
export async function moveGuestPlanToAccount(): Promise<string | null> {
  const guest = readGuestPlan();
  if (!guest || guest.items.length === 0) return null;
  const saved = await send("POST", "/api/trips", guest);
  writeGuestPlan(null);
  return saved.id;
}

/**
 * The plan and how to change it. `signedIn` is null while the session is read.
 * `planId` opens one of the account's plans; otherwise its most recent one.
 */
export function useTripPlan(signedIn: boolean | null, fresh: () => TripInput, planId: string | null) {
  const [plan, setPlanState] = useState<TripInput | null>(null);
  const [store, setStore] = useState<PlanStore>("loading");
  const [id, setId] = useState<string | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>("idle");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const idRef = useRef<string | null>(null);
  const freshRef = useRef(fresh);
  freshRef.current = fresh;

  useEffect(() => {
    if (signedIn === null) return;
    let live = true;
    const open = async () => {
      if (!signedIn) {
        setPlanState(readGuestPlan() ?? freshRef.current());
        setStore("browser");
        return;
      }
      try {
        const moved = await moveGuestPlanToAccount();
        const wanted = moved ?? planId;
        let found: Saved | null = null;
        if (wanted) {
          const res = await fetch(`/api/trips/${encodeURIComponent(wanted)}`, { cache: "no-store" });
          if (res.ok) found = (await res.json()) as Saved;
        }
        if (!found) {
          const res = await fetch("/api/trips", { cache: "no-store" });
          if (res.ok) found = ((await res.json()) as { trips: Saved[] }).trips[0] ?? null;
        }
        if (!live) return;
        idRef.current = found?.id ?? null;
        setId(found?.id ?? null);
        setShareUrl(found?.shareUrl ?? null);
        setPlanState(found ? { title: found.title, days: found.days, items: found.items } : freshRef.current());
        setStore("account");
      } catch {
        if (!live) return;
        setPlanState(readGuestPlan() ?? freshRef.current());
        setStore("browser");
      }
    };
    void open();
    return () => {
      live = false;
    };
  }, [signedIn, planId]);

  const persist = useCallback(
    (next: TripInput) => {
      if (store === "browser") {
        writeGuestPlan(next);
        return;
      }
      if (store !== "account") return;
      if (timer.current) clearTimeout(timer.current);
      setSave("saving");
      timer.current = setTimeout(async () => {
        try {
          const saved = idRef.current
            ? await send("PUT", `/api/trips/${idRef.current}`, next)
            : await send("POST", "/api/trips", next);
          idRef.current = saved.id;
          setId(saved.id);
          setSave("saved");
        } catch {
          setSave("error");
        }
      }, SAVE_DELAY_MS);
    },
    [store],
  );

  const planRef = useRef<TripInput | null>(null);
  planRef.current = plan;
  const setPlan = useCallback(
    (change: (plan: TripInput) => TripInput) => {
      const current = planRef.current;
      if (!current) return;
      const next = change(current);
      planRef.current = next;
      setPlanState(next);
      persist(next);
    },
    [persist],
  );

  const share = useCallback(async (on: boolean) => {
    if (!idRef.current) return null;
    const res = await fetch(`/api/trips/${idRef.current}/share`, { method: on ? "POST" : "DELETE" });
    if (!res.ok) return null;
    const url = on ? ((await res.json()) as { shareUrl: string }).shareUrl : null;
    setShareUrl(url);
    return url;
  }, []);

  return { plan, setPlan, store, id, shareUrl, share, save };
}
