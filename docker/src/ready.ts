/**
 * The probe waits here until every service it needs has written its ready file on the shared
 * volume (docker/run-service.sh, `--ready-file`). This replaces Docker healthchecks: each is a
 * process dockerd starts inside the container every interval (two dozen containers every 2 s,
 * for as long as the stack ran, the probe's run included), and dockerd is also the embedded DNS
 * server every client asks for its target's address: the busier dockerd, the slower each answer.
 */
import { existsSync, statSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { readyFile, reportDoneFile } from "./compose.ts";

/** Ready now: written since the last report was printed (an older file is an earlier run's). */
function isReady(service: string): boolean {
  const file = readyFile(service);
  if (!existsSync(file)) return false;
  if (!existsSync(reportDoneFile)) return true;
  return statSync(file).mtimeMs > statSync(reportDoneFile).mtimeMs;
}

/** Resolves once all are ready; rejects with the ones still missing after `deadlineMs`. */
export async function waitUntilReady(services: readonly string[], deadlineMs: number): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const missing = services.filter((s) => !isReady(s));
    if (missing.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `not ready after ${deadlineMs / 1000} s: ${missing.join(", ")} (see \`docker compose logs ${missing[0]}\`)`,
      );
    }
    await sleep(200);
  }
}
