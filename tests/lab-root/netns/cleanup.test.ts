import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { promisify } from "node:util";
import { removeLeftovers } from "@connlab/servers";
import { describe, expect, it } from "vitest";
import { runnersStoppedAfterEach } from "../../helpers/runners.ts";

const run = promisify(execFile);
const fixture = join(import.meta.dirname, "fixtures", "hold-lab.ts");
const cli = join(import.meta.dirname, "..", "..", "..", "cli", "src", "main.ts");
const started = runnersStoppedAfterEach();

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

  it("a reproduce killed with SIGKILL at any point leaves nothing once the next run has started", async () => {
    // 20 runs, 4 at a time, each killed at a random moment of its life (start-up, building the
    // lab, clients running, tearing down); then one more reproduce, which sweeps first.
    const deadPids: number[] = [];
    for (let batch = 0; batch < 5; batch++) {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const victim = spawn(process.execPath, [cli, "reproduce", "timeout-firewall", "--json"], {
            stdio: "ignore",
          });
          await new Promise((resolve) => setTimeout(resolve, 300 + Math.random() * 6_000));
          victim.kill("SIGKILL");
          await once(victim, "exit");
          if (victim.pid) deadPids.push(victim.pid);
        }),
      );
    }
    // Whether its clients answered in their declared windows on a loaded machine is not this test's business.
    const next = await run(process.execPath, [cli, "reproduce", "refused-cdn", "--fixed", "--json"], {
      timeout: 120_000,
    }).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? "",
      stderr: error.stderr,
    }));
    expect(JSON.parse(next.stdout), String(next.stderr)).toMatchObject({ scenario: "refused-cdn" });
    for (const pid of deadPids) expect(await namespacesOf(pid), `run ${pid}`).toEqual([]);
    const etc = await run("ls", ["-1", "/etc/netns"]).catch(() => ({ stdout: "" }));
    const theirs = (name: string) => deadPids.some((pid) => name.startsWith(`connlab-${pid}-`));
    expect(etc.stdout.split("\n").filter(theirs)).toEqual([]);
    const { stdout: ps } = await run("ps", ["-eo", "pid=,args="]);
    expect(ps.split("\n").filter((line) => deadPids.some((pid) => line.includes(`connlab-${pid}-`)))).toEqual(
      [],
    );
  }, 300_000);
});
