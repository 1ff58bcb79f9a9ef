import { afterAll, describe, expect, it, vi } from "vitest";

// A small gate limit for this file, set before the app reads its settings.
vi.hoisted(() => {
  vi.stubEnv("RATE_LIMIT_CHECK_IN", "3/1m");
});
vi.mock("../../modules/auth/session", () => ({ getCurrentUser: vi.fn() }));

import { GET as MANIFEST } from "../../app/api/check-in/manifest/route";
import { POST as SYNC } from "../../app/api/check-in/sync/route";
import { getCurrentUser } from "../../modules/auth/session";
import { createSaleFixture } from "../../prisma/seed/fixtures";
import { testDb as db } from "../support/db";

afterAll(async () => {
  vi.unstubAllEnvs();
  await db.$disconnect();
});

describe("the offline gate's limits", () => {
  it("counts manifests and syncs against the organiser's gate limit, then answers 429 and writes nothing", async () => {
    const { festival } = await createSaleFixture(db, { capacity: 5 });
    const user = await db.user.create({
      data: { email: `limit-${Date.now()}@example.com`, name: "检票员", passwordHash: "x", role: "ORGANISER" },
      select: { id: true, email: true, name: true, role: true },
    });
    await db.festivalOrganiser.create({ data: { festivalId: festival.id, userId: user.id } });
    vi.mocked(getCurrentUser).mockResolvedValue(user);
    const manifest = () =>
      MANIFEST(
        new Request(`http://127.0.0.1/api/check-in/manifest?lang=en&festival=${festival.slug}&date=2027-06-13`),
        undefined,
      );
    const sync = (id: string) =>
      SYNC(
        new Request("http://127.0.0.1/api/check-in/sync?lang=en", {
          method: "POST",
          body: JSON.stringify({
            deviceId: "device-limits",
            festival: festival.slug,
            scans: [{ id, code: "ZZZZZZZZZZ", scannedAt: new Date().toISOString(), local: "unknown" }],
          }),
        }),
        undefined,
      );
    expect((await manifest()).status).toBe(200);
    expect((await sync("one")).status).toBe(200);
    expect((await sync("two")).status).toBe(200);
    const refused = await sync("three");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await manifest()).status).toBe(429);
    expect(await db.checkIn.count({ where: { userId: user.id } })).toBe(2);
  });
});
