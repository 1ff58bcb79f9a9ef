import { describe, expect, it } from "vitest";
import { parseWallTime, shanghaiDateKey, shanghaiTime, wallTime } from "@/lib/dates";
import { formatYuan, parseYuan } from "@/lib/money";
import { generateSessions, mergeSessions } from "./editor-values";
import { festivalInputSchema } from "./schemas";

const valid = {
  slug: " Bayberry-2027 ",
  kind: "bayberry",
  nameZh: "杨梅节",
  summaryZh: "摘杨梅",
  venueZh: "杭州生态园",
  startsOn: "2027-06-11",
  endsOn: "2027-06-13",
  salesStartAt: "2027-05-01T10:00",
  salesEndAt: "2027-06-13T16:00",
  cancellationCutoffHours: "24",
  maxTicketsPerOrder: 10,
  ticketTypes: [{ nameZh: "入园票", price: "12.5", admissions: "1", maxPerOrder: "10", active: true }],
  sessions: [{ startsAt: "2027-06-11T08:00", endsAt: "2027-06-11T10:00", capacity: "200" }],
};

function issues(input: unknown) {
  const result = festivalInputSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

const E = "festivalEditor.errors";

describe("parseYuan", () => {
  it("reads yuan as typed into integer fen by string handling, never through a float", () => {
    expect(parseYuan("12.5")).toBe(1250);
    expect(parseYuan("88")).toBe(8800);
    expect(parseYuan("0.07")).toBe(7);
    expect(parseYuan("19.99")).toBe(1999);
    // In floating point 4.35 * 100 is 434.99999999999994, and truncating it loses a fen.
    expect(parseYuan("4.35")).toBe(435);
    expect(parseYuan("1.10")).toBe(110);
    expect(parseYuan(" ¥88.00 ")).toBe(8800);
    expect(parseYuan("１２．５")).toBe(1250);
    expect(parseYuan("12.")).toBe(1200);
  });

  it("refuses what is not an amount of yuan", () => {
    for (const text of ["", "12.345", "-5", "1e3", "12,5", "abc", "12.5元", "99999999"]) {
      expect(parseYuan(text), text).toBeNull();
    }
  });

  it("shows fen back as yuan", () => {
    expect(formatYuan(8800)).toBe("88");
    expect(formatYuan(1250)).toBe("12.50");
    expect(formatYuan(7)).toBe("0.07");
    expect(parseYuan(formatYuan(1999))).toBe(1999);
  });
});

describe("wall times in Suoqian", () => {
  it("reads a datetime-local value as China Standard Time and shows an instant back the same way", () => {
    const at = parseWallTime("2027-06-11T08:00");
    expect(at?.toISOString()).toBe("2027-06-11T00:00:00.000Z");
    expect(wallTime(shanghaiTime(2027, 6, 11, 0, 30))).toBe("2027-06-11T00:30");
    expect(shanghaiDateKey(shanghaiTime(2027, 6, 11, 0, 30))).toBe("2027-06-11");
    expect(parseWallTime("2027-02-30T08:00")).toBeNull();
    expect(parseWallTime("2027-06-11T24:00")).toBeNull();
    expect(parseWallTime("tomorrow")).toBeNull();
  });
});

describe("festivalInputSchema", () => {
  it("normalises a valid festival: slug lower-cased, price in fen, dates as Suoqian instants, English empty", () => {
    const f = festivalInputSchema.parse(valid);
    expect(f.slug).toBe("bayberry-2027");
    expect(f.ticketTypes[0]?.price).toBe(1250);
    expect(f.startsOn).toEqual(shanghaiTime(2027, 6, 11));
    expect(f.endsOn).toEqual(shanghaiTime(2027, 6, 13));
    expect(f.salesStartAt).toEqual(shanghaiTime(2027, 5, 1, 10));
    expect(f.sessions[0]?.capacity).toBe(200);
    expect(f.cancellationCutoffHours).toBe(24);
    expect(f.nameEn).toBe("");
    expect(f.placeId).toBeNull();
  });

  it("names every bad field at once, including the rules across fields", () => {
    expect(
      issues({
        ...valid,
        slug: "杨梅节",
        nameZh: " ",
        cancellationCutoffHours: "",
        endsOn: "2027-06-10",
        salesEndAt: "2027-04-01T10:00",
        ticketTypes: [{ ...valid.ticketTypes[0], price: "12.345", admissions: "0" }],
        sessions: [{ startsAt: "2027-06-11T10:00", endsAt: "2027-06-11T08:00", capacity: "-1" }],
      }),
    ).toEqual({
      slug: `${E}.slug`,
      nameZh: `${E}.required`,
      cancellationCutoffHours: `${E}.cutoffHours`,
      "ticketTypes.0.price": `${E}.price`,
      "ticketTypes.0.admissions": `${E}.admissions`,
      "sessions.0.capacity": `${E}.capacity`,
      endsOn: `${E}.endsBeforeStarts`,
      salesEndAt: `${E}.salesEndBeforeStart`,
      "sessions.0.endsAt": `${E}.sessionEndBeforeStart`,
    });
  });

  it("keeps prices between one fen and 100,000 yuan", () => {
    expect(issues({ ...valid, ticketTypes: [{ ...valid.ticketTypes[0], price: "0" }] })).toEqual({
      "ticketTypes.0.price": `${E}.priceRange`,
    });
    expect(issues({ ...valid, ticketTypes: [{ ...valid.ticketTypes[0], price: "100000.01" }] })).toEqual({
      "ticketTypes.0.price": `${E}.priceRange`,
    });
  });

  it("keeps sessions inside the festival's days, the last day included up to midnight", () => {
    const session = (startsAt: string, endsAt: string) => ({ ...valid, sessions: [{ startsAt, endsAt, capacity: 5 }] });
    expect(issues(session("2027-06-13T22:00", "2027-06-14T00:00"))).toEqual({});
    expect(issues(session("2027-06-10T22:00", "2027-06-10T23:00"))).toEqual({
      "sessions.0.startsAt": `${E}.sessionOutside`,
    });
    expect(issues(session("2027-06-13T23:00", "2027-06-14T01:00"))).toEqual({
      "sessions.0.startsAt": `${E}.sessionOutside`,
    });
  });

  it("ends sales no later than the festival, and refuses a session twice over", () => {
    expect(issues({ ...valid, salesEndAt: "2027-06-14T00:01" })).toEqual({ salesEndAt: `${E}.salesEndAfterFestival` });
    const twice = { startsAt: "2027-06-11T08:00", endsAt: "2027-06-11T10:00", capacity: 5 };
    expect(issues({ ...valid, sessions: [twice, twice] })).toEqual({ "sessions.1.startsAt": `${E}.sessionDuplicate` });
    // The same hours with another label are two parallel sessions (e.g. two picking areas).
    expect(issues({ ...valid, sessions: [twice, { ...twice, labelZh: "B 区" }] })).toEqual({});
  });
});

describe("generateSessions", () => {
  const weekend = {
    from: "2027-06-10",
    to: "2027-06-20",
    weekdays: [5, 6, 0],
    slots: [
      { start: "14:00", end: "16:00" },
      { start: "08:00", end: "10:00" },
      { start: "10:00", end: "12:00" },
    ],
    capacity: 200,
  };

  it("makes a session per chosen weekday and time slot between two dates, in time order", () => {
    const result = generateSessions(weekend);
    if (!result.ok) throw new Error(result.problem);
    // 10 June 2027 is a Thursday: Fri 11, Sat 12, Sun 13, Fri 18, Sat 19, Sun 20.
    expect(new Set(result.sessions.map((s) => s.date))).toEqual(
      new Set(["2027-06-11", "2027-06-12", "2027-06-13", "2027-06-18", "2027-06-19", "2027-06-20"]),
    );
    expect(result.sessions).toHaveLength(18);
    expect(result.sessions.slice(0, 3).map((s) => `${s.start}-${s.end}`)).toEqual([
      "08:00-10:00",
      "10:00-12:00",
      "14:00-16:00",
    ]);
    expect(result.sessions.every((s) => s.capacity === 200)).toBe(true);
  });

  it("says what is wrong instead of generating nonsense", () => {
    expect(generateSessions({ ...weekend, to: "2027-06-01" })).toEqual({ ok: false, problem: "dates" });
    expect(generateSessions({ ...weekend, weekdays: [] })).toEqual({ ok: false, problem: "weekdays" });
    expect(generateSessions({ ...weekend, slots: [{ start: "10:00", end: "" }] })).toEqual({
      ok: false,
      problem: "slots",
    });
    expect(generateSessions({ ...weekend, slots: [{ start: "10:00", end: "09:00" }] })).toEqual({
      ok: false,
      problem: "slotOrder",
    });
    expect(generateSessions({ ...weekend, capacity: Number.NaN })).toEqual({ ok: false, problem: "capacity" });
    expect(
      generateSessions({ ...weekend, from: "2027-01-01", to: "2028-12-31", weekdays: [0, 1, 2, 3, 4, 5, 6] }),
    ).toEqual({ ok: false, problem: "tooMany" });
  });

  it("adds only sessions not already listed, and keeps the list in time order", () => {
    const first = generateSessions({ ...weekend, to: "2027-06-13" });
    const again = generateSessions(weekend);
    if (!first.ok || !again.ok) throw new Error("generator refused");
    const merged = mergeSessions(first.sessions, again.sessions);
    expect(merged.added).toBe(9);
    expect(merged.sessions).toHaveLength(18);
    const keys = merged.sessions.map((s) => `${s.date} ${s.start}`);
    expect(keys).toEqual([...keys].sort());
  });
});
