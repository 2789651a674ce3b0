import type { ChildProcess } from "node:child_process";
import { once } from "node:events";
import { removeLeftovers } from "@connlab/servers";
import { afterEach } from "vitest";

/**
 * For a test file that starts lab runners and kills them: returns the list to push each runner
 * on. After each test a runner still alive is killed (SIGKILL) and awaited, then what dead runs
 * left is swept, so no test's lab outlives it.
 */
export function runnersStoppedAfterEach(): ChildProcess[] {
  const started: ChildProcess[] = [];
  afterEach(async () => {
    for (const runner of started.splice(0)) {
      if (runner.exitCode !== null || runner.signalCode !== null) continue;
      runner.kill("SIGKILL");
      await once(runner, "exit");
    }
    await removeLeftovers();
  });
  return started;
}
