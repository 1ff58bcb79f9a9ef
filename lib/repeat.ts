import { log } from "./log";

const started = new Set<string>();

/**
 * Runs `job` every `everyMs` in this process, once per name however often it is asked
 * (instrumentation runs once, but a module may be loaded twice), never two runs of it at
 * once; a failure is logged and the next tick tries again. The timer does not keep the
 * process alive.
 */
export function repeatEvery(name: string, everyMs: number, job: () => Promise<unknown>): void {
  if (started.has(name)) return;
  started.add(name);
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      log().error({ err: error, job: name }, `${name} failed; will retry`);
    } finally {
      running = false;
    }
  }, everyMs);
  timer.unref();
}
