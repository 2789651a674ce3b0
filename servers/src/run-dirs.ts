import { readdirSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAlive } from "./process-alive.ts";

/**
 * A temp folder of this run's own, `<tmp>/<prefix><pid>-XXXXXX`: the pid in its name lets a
 * later run tell the folders a dead run left (SIGKILL, a crash) from a live run's.
 */
export function runDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `${prefix}${process.pid}-`));
}

/** The folders `<tmp>/<prefix><pid>-…` whose run has died: never this run's, never a live one's. */
export function deadRunDirs(prefix: string): string[] {
  let entries: string[] = [];
  try {
    entries = readdirSync(tmpdir());
  } catch {
    return [];
  }
  const pattern = new RegExp(`^${prefix}(\\d+)-`);
  return entries
    .filter((entry) => {
      const owner = Number(pattern.exec(entry)?.[1]);
      return owner && owner !== process.pid && !isAlive(owner);
    })
    .map((entry) => join(tmpdir(), entry));
}

/** Removes the folders of dead runs deadRunDirs finds; returns them. */
export function removeDeadRunDirs(prefix: string): string[] {
  const dirs = deadRunDirs(prefix);
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  return dirs;
}
