import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { root, run } from "./run";

/** Build output, installs, data and test results: never part of what a new machine receives. */
const LOCAL_ONLY = /^(node_modules|\.next|generated|data|test-results|playwright-report|\.git)(\/|$)/;

/** The project as a new machine receives it: the files git tracks (or, outside git, the tree without local state). */
function copySources(into: string): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
  });
  if (listed.status === 0) {
    for (const file of listed.stdout.split("\0").filter(Boolean)) {
      // Deleted in the work tree but still tracked: the copy follows the work tree.
      if (!existsSync(path.join(root, file))) continue;
      mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
      cpSync(path.join(root, file), path.join(into, file));
    }
    return;
  }
  cpSync(root, into, { recursive: true, filter: (source) => !LOCAL_ONLY.test(path.relative(root, source)) });
}

/**
 * A production install in a directory of its own, as an operator makes one:
 * `npm ci --omit=dev` on a clean copy (no devDependencies: no test tools, no type
 * packages), ready for `npm start`. Returns the directory.
 */
export function productionInstall(into: string): string {
  copySources(into);
  // Native addons build against the headers of the Node.js running this, whatever nodedir an npmrc names.
  const prefix = path.dirname(path.dirname(process.execPath));
  const nodedir = existsSync(path.join(prefix, "include", "node", "node.h")) ? { npm_config_nodedir: prefix } : {};
  run(
    "npm ci --omit=dev (a production install)",
    "npm",
    ["ci", "--omit=dev", "--no-audit", "--no-fund"],
    nodedir,
    into,
  );
  return into;
}
