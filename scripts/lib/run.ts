import { spawnSync } from "node:child_process";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

/** Runs a command in the project root (or `cwd`), inheriting output; throws with `what` when it fails. */
export function run(
  what: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
  cwd = root,
): void {
  const result = spawnSync(command, args, { cwd, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${what} failed (${command} ${args.join(" ")} exited with ${result.status ?? result.signal})`);
  }
}

/** Like run, but keeps the output quiet unless the command fails. */
export function runQuiet(
  what: string,
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): string {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    throw new Error(`${what} failed (${command} ${args.join(" ")} exited with ${result.status ?? result.signal})`);
  }
  return `${result.stdout ?? ""}${result.stderr ?? ""}`;
}
