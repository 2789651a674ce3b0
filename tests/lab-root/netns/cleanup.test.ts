import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { promisify } from "node:util";
import { removeLeftovers } from "@connlab/servers";
import { afterEach, describe, expect, it } from "vitest";

const run = promisify(execFile);
const fixture = join(import.meta.dirname, "fixtures", "hold-lab.ts");
const started: ChildProcess[] = [];

/** A lab runner in its own process, once its lab is built. */
async function startRunner() {
  const runner = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
  started.push(runner);
  await new Promise<void>((resolve, reject) => {
    runner.stdout?.once("data", () => resolve());
    runner.once("exit", () => reject(new Error("the runner exited before its lab was ready")));
  });
  return runner;
}

async function namespacesOf(pid: number | undefined): Promise<string[]> {
  const { stdout } = await run("ip", ["netns", "list"]);
  return stdout
    .split("\n")
    .map((line) => line.split(" ")[0] ?? "")
    .filter((name) => name.startsWith(`connlab-${pid}-`))
    .sort();
}

async function processesIn(names: readonly string[]): Promise<string[]> {
  const pids = await Promise.all(
    names.map((name) => run("ip", ["netns", "pids", name]).then((r) => r.stdout)),
  );
  return pids.join("").split(/\s+/).filter(Boolean);
}

afterEach(async () => {
  for (const runner of started.splice(0)) {
    if (runner.exitCode !== null || runner.signalCode !== null) continue;
    runner.kill("SIGKILL");
    await once(runner, "exit");
  }
  await removeLeftovers();
});

describe("root lab cleanup", () => {
  it("a runner stopped by SIGTERM or SIGINT removes its namespaces and dies of the signal", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const runner = await startRunner();
      expect(await namespacesOf(runner.pid)).toEqual([
        `connlab-${runner.pid}-1-client`,
        `connlab-${runner.pid}-1-server`,
        `connlab-${runner.pid}-1-switch`,
      ]);
      runner.kill(signal);
      const [, exitSignal] = await once(runner, "exit");
      expect(exitSignal).toBe(signal);
      expect(await namespacesOf(runner.pid)).toEqual([]);
    }
  });

  it("after a SIGKILL, removeLeftovers removes the dead run's lab and never a live run's", async () => {
    const dead = await startRunner();
    const alive = await startRunner();
    const deadNamespaces = await namespacesOf(dead.pid);
    dead.kill("SIGKILL");
    await once(dead, "exit");
    // Its servers exit on their own once their stdin (the dead runner) closes.
    await expect.poll(() => processesIn(deadNamespaces), { timeout: 5_000 }).toEqual([]);
    expect(await namespacesOf(dead.pid)).toEqual(deadNamespaces);

    const removed = await removeLeftovers();
    expect(removed).toEqual(expect.arrayContaining(deadNamespaces));
    expect(removed.filter((name) => name.startsWith(`connlab-${alive.pid}-`))).toEqual([]);
    expect(await namespacesOf(dead.pid)).toEqual([]);
    expect(await namespacesOf(alive.pid)).toHaveLength(3);
  });
});
