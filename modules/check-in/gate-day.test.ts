import { describe, expect, it } from "vitest";
import { shanghaiTime } from "@/lib/dates";
import { chooseGate, defaultSession, gateDay } from "./gate-day";

const session = (id: string, day: number, startHour: number, endHour: number) => ({
  id,
  startsAt: shanghaiTime(2027, 6, day, startHour),
  endsAt: shanghaiTime(2027, 6, day, endHour),
});

const early = session("early", 13, 8, 10);
const morning = session("morning", 13, 10, 12);
const nextDay = session("next-day", 14, 8, 10);
const bayberry = { slug: "bayberry", sessions: [early, morning, nextDay] };
const cherry = { slug: "cherry", sessions: [session("cherry-am", 20, 9, 11)] };

describe("the gate's day and default choices", () => {
  it("takes the Suoqian calendar day, whatever the server's time zone", () => {
    // 23:30 UTC on 12 June is 07:30 on 13 June in Suoqian.
    expect(gateDay(new Date(Date.UTC(2027, 5, 12, 23, 30)))).toEqual({
      start: shanghaiTime(2027, 6, 13),
      end: shanghaiTime(2027, 6, 14),
    });
  });

  it("opens on the session under way, else the next one, else none", () => {
    expect(defaultSession(bayberry.sessions, shanghaiTime(2027, 6, 13, 7))?.id).toBe("early");
    expect(defaultSession(bayberry.sessions, shanghaiTime(2027, 6, 13, 9, 59))?.id).toBe("early");
    expect(defaultSession(bayberry.sessions, shanghaiTime(2027, 6, 13, 10))?.id).toBe("morning");
    expect(defaultSession(bayberry.sessions, shanghaiTime(2027, 6, 13, 13))?.id).toBe("next-day");
    expect(defaultSession(bayberry.sessions, shanghaiTime(2027, 6, 15))).toBeNull();
  });

  it("opens on the festival with a session under way (its gate opens an hour early), else asks", () => {
    const now = shanghaiTime(2027, 6, 13, 9);
    expect(chooseGate([cherry, bayberry], {}, now)).toEqual({ festival: bayberry, sessionId: "early" });
    expect(chooseGate([bayberry, cherry], {}, shanghaiTime(2027, 6, 20, 8, 15))).toEqual({
      festival: cherry,
      sessionId: "cherry-am",
    });
    // Nothing under way, several festivals: ask, even if one has a session sooner.
    expect(chooseGate([bayberry, cherry], {}, shanghaiTime(2027, 6, 16))).toEqual({ festival: null, sessionId: null });
    expect(chooseGate([bayberry, cherry], {}, shanghaiTime(2027, 6, 13, 6))).toEqual({
      festival: null,
      sessionId: null,
    });
    // Two festivals under way at once: ask.
    const cherryToday = { slug: "cherry", sessions: [session("cherry-now", 13, 8, 11)] };
    expect(chooseGate([bayberry, cherryToday], {}, now)).toEqual({ festival: null, sessionId: null });
    // An organiser's only festival opens on its next session.
    expect(chooseGate([cherry], {}, shanghaiTime(2027, 6, 16))).toEqual({ festival: cherry, sessionId: "cherry-am" });
    expect(chooseGate([], {}, now)).toBeNull();
  });

  it("keeps the festival and session the URL names, and all of today", () => {
    const now = shanghaiTime(2027, 6, 13, 9);
    expect(chooseGate([cherry, bayberry], { festival: "cherry" }, now)).toEqual({
      festival: cherry,
      sessionId: "cherry-am",
    });
    expect(chooseGate([cherry, bayberry], { festival: "bayberry", session: "next-day" }, now)?.sessionId).toBe(
      "next-day",
    );
    expect(chooseGate([cherry, bayberry], { festival: "bayberry", session: "today" }, now)?.sessionId).toBeNull();
    // A session of another festival, or an unknown festival, falls back to the defaults.
    expect(chooseGate([cherry, bayberry], { festival: "bayberry", session: "cherry-am" }, now)?.sessionId).toBe(
      "early",
    );
    expect(chooseGate([cherry, bayberry], { festival: "gone" }, now)?.festival).toBe(bayberry);
    expect(chooseGate([cherry, bayberry], { festival: "gone" }, shanghaiTime(2027, 6, 16))?.festival).toBeNull();
  });
});
