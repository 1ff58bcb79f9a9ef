// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma: the same
// models, another provider and client output.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./run";

export function toPostgresSchema(schema: string): string {
  const out = schema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../generated/prisma/sqlite"', 'output       = "../../generated/prisma/postgresql"');
  if (!out.includes('provider = "postgresql"') || !out.includes('"../../generated/prisma/postgresql"')) {
    throw new Error("prisma/schema.prisma: provider or output line not found; update scripts/lib/schemas.ts");
  }
  return `// GENERATED from prisma/schema.prisma by scripts/lib/schemas.ts. Do not edit.\n${out}`;
}

export function writePostgresSchema(): void {
  const source = readFileSync(path.join(root, "prisma/schema.prisma"), "utf8");
  mkdirSync(path.join(root, "prisma/postgresql"), { recursive: true });
  writeFileSync(path.join(root, "prisma/postgresql/schema.prisma"), toPostgresSchema(source));
}
