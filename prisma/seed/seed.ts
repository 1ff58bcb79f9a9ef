// Writes the demo data. Idempotent: records are found by their natural keys
// (slug, email) and created only when missing, so a later start never undoes what
// admins, farmers or organisers changed.
import { addDays, shanghaiDateParts, shanghaiTime } from "../../lib/dates";
import type { Db } from "../../lib/db-client";
import { type LngLat, pathLengthMeters } from "../../lib/geo";
import { hashPassword, verifyPassword } from "../../modules/auth/password";
import { listedDuration } from "../../modules/routes/estimates";
import { farmers, festivals, products, routes, workshops } from "./data";
import placesFile from "./places.json";
import type { MonthDay, SeedFestival } from "./types";

/**
 * The password every demo account had before it became a per-install secret. It is
 * printed in old READMEs, so a seed replaces it wherever it still signs someone in.
 */
export const PUBLISHED_DEMO_PASSWORD = "Suoqian2026!";

export const DEMO_ACCOUNTS = [
  { email: "visitor@suoqian.test", name: "王小游", role: "VISITOR" },
  { email: "farmer@suoqian.test", name: "杜建国", role: "FARMER" },
  { email: "organiser@suoqian.test", name: "陈主办", role: "ORGANISER" },
  { email: "organiser.cherry@suoqian.test", name: "王樱桃", role: "ORGANISER" },
  { email: "admin@suoqian.test", name: "所前管理员", role: "ADMIN" },
] as const;

type Place = { id: string; zh: string; en: string; lat: number; lng: number; precision: string; notes?: string };

function placeSlug(slug: string, ids: Map<string, string>): string {
  const id = ids.get(slug);
  if (!id) throw new Error(`seed: unknown place "${slug}"`);
  return id;
}

/** The first season whose last day has not passed; a season may run over New Year (Dec–Apr). */
export function nextSeason(season: { from: MonthDay; to: MonthDay }, now: Date): { start: Date; end: Date } {
  const { year } = shanghaiDateParts(now);
  const wraps = season.to.month * 100 + season.to.day < season.from.month * 100 + season.from.day;
  for (const y of [year - 1, year, year + 1]) {
    const end = shanghaiTime(wraps ? y + 1 : y, season.to.month, season.to.day, 23, 59);
    if (end > now) return { start: shanghaiTime(y, season.from.month, season.from.day), end };
  }
  throw new Error("unreachable");
}

function parseClock(value: string): [number, number] {
  const [h, m] = value.split(":").map(Number);
  return [h ?? 0, m ?? 0];
}

async function opensWithAny(passwordHash: string, passwords: string[]): Promise<boolean> {
  for (const password of passwords) if (await verifyPassword(passwordHash, password)) return true;
  return false;
}

export function festivalSessions(festival: SeedFestival, start: Date, end: Date) {
  const out: { startsAt: Date; endsAt: Date; capacity: number; labelZh: string; labelEn: string }[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    const { year, month, day: d, weekday } = shanghaiDateParts(day);
    if (!festival.weekdays.includes(weekday)) continue;
    for (const s of festival.sessions) {
      const [sh, sm] = parseClock(s.start);
      const [eh, em] = parseClock(s.end);
      out.push({
        startsAt: shanghaiTime(year, month, d, sh, sm),
        endsAt: shanghaiTime(year, month, d, eh, em),
        capacity: s.capacity,
        labelZh: s.labelZh,
        labelEn: s.labelEn,
      });
    }
  }
  return out;
}

/**
 * Writes the demo data. Demo accounts get `demoPassword` (DEMO_PASSWORD, or the one
 * generated for this install). An account still opened by an earlier demo password
 * (the one old releases printed, this install's generated one, or the one last in
 * use) is moved to it, and its sessions end; an account whose user chose a
 * password of their own keeps it.
 */
export async function seedDatabase(
  db: Db,
  demoPassword: string,
  options: { earlier?: string[]; now?: Date } = {},
): Promise<void> {
  if (demoPassword.length < 8) throw new Error("seed: the demo password must have at least 8 characters");
  const now = options.now ?? new Date();
  const earlier = [...new Set([PUBLISHED_DEMO_PASSWORD, ...(options.earlier ?? [])])].filter((p) => p !== demoPassword);
  const passwordHash = await hashPassword(demoPassword);
  const userIds = new Map<string, string>();
  const farmerUsers = farmers.filter((f) => !DEMO_ACCOUNTS.some((a) => a.email === f.email));
  const accounts = [
    ...DEMO_ACCOUNTS,
    ...farmerUsers.map((f) => ({ email: f.email, name: f.name, role: "FARMER" as const })),
  ];
  for (const a of accounts) {
    const user = await db.user.upsert({
      where: { email: a.email },
      create: { email: a.email, name: a.name, role: a.role, passwordHash },
      update: {},
      select: { id: true, passwordHash: true },
    });
    const created = user.passwordHash === passwordHash;
    if (!created && (await opensWithAny(user.passwordHash, earlier))) {
      await db.user.update({
        where: { id: user.id },
        data: { passwordHash, sessionVersion: { increment: 1 } },
      });
    }
    userIds.set(a.email, user.id);
  }

  const placeIds = new Map<string, string>();
  for (const p of (placesFile as { places: Place[] }).places) {
    const place = await db.place.upsert({
      where: { slug: p.id },
      create: {
        slug: p.id,
        nameZh: p.zh,
        nameEn: p.en,
        descriptionEn: p.notes ?? "",
        lat: p.lat,
        lng: p.lng,
        precision: p.precision === "sourced" ? "SOURCED" : "APPROXIMATE",
      },
      update: {},
      select: { id: true },
    });
    placeIds.set(p.id, place.id);
  }
  const coords = new Map((placesFile as { places: Place[] }).places.map((p) => [p.id, [p.lng, p.lat] as LngLat]));

  for (const r of routes) {
    const exists = await db.route.findUnique({ where: { slug: r.slug }, select: { id: true } });
    if (exists) continue;
    const path = r.stops.map((s) => {
      const c = coords.get(s.place);
      if (!c) throw new Error(`seed: route ${r.slug} names unknown place ${s.place}`);
      return c;
    });
    const distanceMeters = pathLengthMeters(path);
    await db.route.create({
      data: {
        slug: r.slug,
        category: r.category,
        titleZh: r.titleZh,
        titleEn: r.titleEn,
        summaryZh: r.summaryZh,
        summaryEn: r.summaryEn,
        descriptionZh: r.descriptionZh,
        descriptionEn: r.descriptionEn,
        gettingThereZh: r.gettingThereZh,
        gettingThereEn: r.gettingThereEn,
        difficulty: r.difficulty,
        path,
        distanceMeters,
        durationMinutes: listedDuration(
          distanceMeters,
          r.stops.map((s) => s.suggestedMinutes),
        ),
        status: "PUBLISHED",
        publishedAt: now,
        months: { create: r.months.map((month) => ({ month })) },
        stops: {
          create: r.stops.map((s, position) => ({
            placeId: placeSlug(s.place, placeIds),
            position,
            suggestedMinutes: s.suggestedMinutes,
            noteZh: s.noteZh,
            noteEn: s.noteEn,
          })),
        },
      },
    });
  }

  const workshopIds = new Map<string, string>();
  for (const w of workshops) {
    const { place, ...fields } = w;
    const row = await db.workshop.upsert({
      where: { slug: w.slug },
      create: { ...fields, placeId: placeSlug(place, placeIds) },
      update: {},
      select: { id: true },
    });
    workshopIds.set(w.slug, row.id);
  }

  const farmerIds = new Map<string, string>();
  for (const f of farmers) {
    const userId = userIds.get(f.email);
    const workshopId = workshopIds.get(f.workshop);
    if (!userId || !workshopId) throw new Error(`seed: farmer ${f.email} has no user or workshop`);
    const row = await db.farmerProfile.upsert({
      where: { userId },
      create: {
        userId,
        workshopId,
        displayName: f.displayName,
        village: f.village,
        phone: f.phone,
        status: "APPROVED",
        decidedAt: now,
      },
      update: {},
      select: { id: true },
    });
    farmerIds.set(f.email, row.id);
  }

  for (const p of products) {
    const { farmer, workshop, harvest, ...fields } = p;
    const farmerId = farmerIds.get(farmer);
    const workshopId = workshopIds.get(workshop);
    if (!farmerId || !workshopId) throw new Error(`seed: product ${p.slug} has no farmer or workshop`);
    const window = harvest ? nextSeason(harvest, now) : null;
    await db.product.upsert({
      where: { slug: p.slug },
      create: {
        ...fields,
        farmerId,
        workshopId,
        availableFrom: window?.start ?? null,
        availableUntil: window?.end ?? null,
        status: "PUBLISHED",
      },
      update: {},
    });
  }

  for (const f of festivals) {
    const organiserId = userIds.get(f.organiser);
    if (await db.festival.findUnique({ where: { slug: f.slug }, select: { id: true } })) continue;
    const { start, end } = nextSeason(f.season, now);
    const sessions = festivalSessions(f, start, end);
    const lastStart = sessions.at(-1)?.startsAt ?? end;
    await db.festival.create({
      data: {
        slug: f.slug,
        kind: f.kind,
        nameZh: f.nameZh,
        nameEn: f.nameEn,
        summaryZh: f.summaryZh,
        summaryEn: f.summaryEn,
        descriptionZh: f.descriptionZh,
        descriptionEn: f.descriptionEn,
        venueZh: f.venueZh,
        venueEn: f.venueEn,
        placeId: placeSlug(f.place, placeIds),
        startsOn: start,
        endsOn: end,
        // Demo data opens sales at once, so a fresh install can sell tickets today.
        salesStartAt: new Date(Math.min(now.getTime(), addDays(start, -f.salesOpenDaysBefore).getTime())),
        salesEndAt: lastStart,
        cancellationCutoffHours: f.cancellationCutoffHours,
        maxTicketsPerOrder: f.maxTicketsPerOrder,
        status: "PUBLISHED",
        ticketTypes: { create: f.ticketTypes.map((t, position) => ({ ...t, position })) },
        sessions: { create: sessions },
        organisers: organiserId ? { create: [{ userId: organiserId }] } : undefined,
      },
    });
  }
}
