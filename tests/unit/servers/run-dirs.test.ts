import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeDeadRunDirs, runDir } from "@connlab/servers/run-dirs";
import { afterEach, describe, expect, it } from "vitest";

// A run killed with SIGKILL leaves its temp folders (a CA to trust, nginx's); the next run's
// sweep removes those of dead runs only, by the pid in their names.
describe("run folders", () => {
  const prefix = `connlab-test-rundirs-${process.pid}-`;
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("removes a dead run's folder, and keeps this run's and a live one's", async () => {
    // A pid that has just exited: its run is dead.
    const dead = spawnSync("true").pid;
    const deadDir = join(tmpdir(), `${prefix}${dead}-abc123`);
    const liveDir = join(tmpdir(), `${prefix}${process.ppid}-def456`);
    for (const dir of [deadDir, liveDir]) mkdirSync(dir);
    const ownDir = await runDir(prefix);
    made.push(deadDir, liveDir, ownDir);
    expect(ownDir).toContain(`${prefix}${process.pid}-`);

    expect(removeDeadRunDirs(prefix)).toEqual([deadDir]);
    expect([deadDir, liveDir, ownDir].map(existsSync)).toEqual([false, true, true]);
  });
});
