// postinstall: derives the PostgreSQL schema and generates both Prisma clients.
// DATABASE_URL is set per provider because the CLI needs the schema's url to
// resolve (see prisma.config.ts); nothing connects.
import { bin, runQuiet } from "./lib/run";
import { writePostgresSchema } from "./lib/schemas";

writePostgresSchema();
runQuiet("prisma generate (sqlite)", bin("prisma"), ["generate", "--schema", "prisma/schema.prisma"], {
  DATABASE_URL: "file:./data/generate.db",
});
runQuiet("prisma generate (postgresql)", bin("prisma"), ["generate", "--schema", "prisma/postgresql/schema.prisma"], {
  DATABASE_URL: "postgresql://localhost:5432/generate",
});
console.log("Prisma clients generated for SQLite and PostgreSQL.");
