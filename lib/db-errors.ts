// Prisma's known-request errors carry a code; P2002 is a unique constraint violation.
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
