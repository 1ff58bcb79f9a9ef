// `npm run db:migrate`: applies the committed migrations to the database DATABASE_URL names.
import { loadConfig } from "../lib/config";
import { migrateDeploy } from "./lib/database";

const target = loadConfig().database;
migrateDeploy(target);
console.log(`Migrations applied (${target.provider}).`);
