import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isAlive, removeLeftovers } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { runnersStoppedAfterEach } from "../../helpers/runners.ts";

// The nginx the lab starts for closed-* scenarios never outlives its run: a run that is stopped
// takes it down itself, and one killed with SIGKILL leaves it to the next run's sweep.
const fixture = join(import.meta.dirname, "fixtures", "hold-nginx.ts");
const started = runnersStoppedAfterEach();

/** A runner in its own process, once its nginx accepts connections. */
async function startRunner(): Promise<ChildProcess> {
  const runner = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
  started.push(runner);
  await new Promise<void>((resolve, reject) => {
    runner.stdout?.once("data", () => resolve());
    runner.once("exit", () => reject(new Error("the runner exited before its nginx was ready")));
  });
  return runner;
}

/** The runner's nginx folders (`<tmp>/connlab-nginx-<pid>-…`). */
function foldersOf(pid: number | undefined): string[] {
  return readdirSync(tmpdir())
    .filter((name) => name.startsWith(`connlab-nginx-${pid}-`))
    .map((name) => join(tmpdir(), name));
}

function masterIn(folder: string): number {
  return Number(readFileSync(join(folder, "nginx.pid"), "utf8").trim());
}

describe("the lab's nginx", () => {
  it("goes with a runner stopped by SIGTERM or SIGINT, folder and all", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const runner = await startRunner();
      const [folder, ...more] = foldersOf(runner.pid);
      expect(more).toEqual([]);
      const master = masterIn(folder ?? "");
      expect(isAlive(master)).toBe(true);
      runner.kill(signal);
      const [, exitSignal] = await once(runner, "exit");
      expect(exitSignal).toBe(signal);
      await expect.poll(() => isAlive(master), { timeout: 5_000 }).toBe(false);
      expect(foldersOf(runner.pid)).toEqual([]);
    }
  });

  it("of a run killed with SIGKILL is stopped by the next sweep, and a live run's is not", async () => {
    const dead = await startRunner();
    const alive = await startRunner();
    const [deadFolder] = foldersOf(dead.pid);
    const [aliveFolder] = foldersOf(alive.pid);
    const deadMaster = masterIn(deadFolder ?? "");
    dead.kill("SIGKILL");
    await once(dead, "exit");
    // Nobody stopped it: nginx outlives the process that started it.
    expect(isAlive(deadMaster)).toBe(true);

    const removed = await removeLeftovers();
    expect(removed).toContain(deadFolder);
    expect(removed).not.toContain(aliveFolder);
    expect(isAlive(deadMaster)).toBe(false);
    expect(foldersOf(dead.pid)).toEqual([]);
    expect(isAlive(masterIn(aliveFolder ?? ""))).toBe(true);
  });
});
