import "server-only";
import type { Db } from "@/lib/db-client";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** Who did it: the signed-in back-office user, as the action saw them. */
export type AuditActor = { id: string; email: string | null; role: "VISITOR" | "FARMER" | "ORGANISER" | "ADMIN" };

/** Every action the log knows; the log page offers them as a filter. */
export const AUDIT_ACTIONS = [
  "festival.create",
  "festival.update",
  "festival.publish",
  "festival.unpublish",
  "festival.waitlistClose",
  "festival.waitlistReopen",
  "booking.cancel",
  "booking.refund",
  "booking.refundRetry",
  "booking.resend",
  "booking.releaseHolds",
  "order.lineRefund",
  "order.lineRefundRetry",
  "order.paymentRequery",
  "route.create",
  "route.update",
  "route.publish",
  "route.unpublish",
  "workshop.create",
  "workshop.update",
  "farmer.approve",
  "farmer.reject",
  "user.create",
  "user.update",
  "user.role",
  "user.disable",
  "user.enable",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type FieldChange = { from: unknown; to: unknown };
export type AuditChanges = Record<string, FieldChange | unknown>;

export type AuditEntry = {
  action: AuditAction;
  entityType: "festival" | "order" | "route" | "workshop" | "farmer" | "user";
  entityId: string;
  /** The festival the entry is about, so that festival's organisers can read it. */
  festivalId?: string | null;
  changes?: AuditChanges;
};

/**
 * Records one back-office write. Call it with the transaction that makes the
 * change, so the entry exists exactly when the change does.
 */
export async function recordAudit(tx: Tx | Db, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email ?? "",
      actorRole: actor.role,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      festivalId: entry.festivalId ?? null,
      changes: entry.changes === undefined ? undefined : (JSON.parse(JSON.stringify(entry.changes)) as object),
    },
  });
}

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

/** The fields whose value differs between two records, as { field: { from, to } }. */
export function changedFields<T extends Record<string, unknown>>(
  before: T | null,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, FieldChange> {
  const out: Record<string, FieldChange> = {};
  for (const field of fields) {
    const from = comparable(before?.[field] ?? null);
    const to = comparable(after[field] ?? null);
    if (JSON.stringify(from) !== JSON.stringify(to)) out[field] = { from, to };
  }
  return out;
}
