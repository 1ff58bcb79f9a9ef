import { describe, expect, it } from "vitest";
import { type CachedUser, parseCachedUser, summaryAfterAnswer } from "./use-session-summary";

const organiser: CachedUser = { id: "u1", name: "果园主办", role: "ORGANISER" };

describe("the header's session summary", () => {
  it("shows and keeps (id, name, role only) the user the server names", () => {
    const user = { id: "u2", name: "游客", email: "v@example.com", role: "VISITOR" as const };
    expect(summaryAfterAnswer({ user }, organiser)).toEqual({
      summary: { status: "signed-in", user },
      keep: { id: "u2", name: "游客", role: "VISITOR" },
    });
  });

  it("shows signed out, and forgets the last user, when the server says nobody is signed in", () => {
    expect(summaryAfterAnswer({ user: null }, organiser)).toEqual({ summary: { status: "anonymous" }, keep: null });
  });

  it("without an answer shows the last known user, marked as such, and keeps it", () => {
    expect(summaryAfterAnswer(null, organiser)).toEqual({
      summary: { status: "signed-in", user: organiser, cached: true },
      keep: organiser,
    });
  });

  it("without an answer and with nobody known shows the placeholder, never 'signed out'", () => {
    expect(summaryAfterAnswer(null, null)).toEqual({ summary: { status: "loading" }, keep: null });
  });
});

describe("the kept summary", () => {
  it("reads back what was kept", () => {
    expect(parseCachedUser(JSON.stringify(organiser))).toEqual(organiser);
  });

  it("keeps only id, name and role of what it reads", () => {
    expect(parseCachedUser(JSON.stringify({ ...organiser, email: "o@example.com", token: "x" }))).toEqual(organiser);
  });

  it("takes nothing that is not a summary", () => {
    for (const raw of [
      null,
      "",
      "not json",
      "null",
      "42",
      JSON.stringify({ id: "u1", name: "x", role: "ROOT" }),
      JSON.stringify({ id: "", name: "x", role: "ADMIN" }),
      JSON.stringify({ id: "u1", role: "ADMIN" }),
    ]) {
      expect(parseCachedUser(raw)).toBeNull();
    }
  });
});
